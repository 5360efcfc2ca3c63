namespace Shop.Grains.Common;

public static class StorageNames
{
    /// <summary>The grain storage every shop grain persists to; its provider is chosen by configuration.</summary>
    public const string Shop = "shop";
}
