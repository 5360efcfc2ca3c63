namespace Shop.Grains.Health;

/// <summary>Writes and reads back a tiny state, so a health check proves grain storage works.</summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task Probe();
}
