namespace Shop.Grains.Common;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Replaces the state and writes it through. When the write fails the previous state is put back,
    /// so memory never runs ahead of what storage holds, and the failure reaches the caller.
    /// </summary>
    public static async Task SaveAsync<T>(this IPersistentState<T> store, T next)
    {
        var previous = store.State;
        store.State = next;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            store.State = previous;
            throw;
        }
    }
}
