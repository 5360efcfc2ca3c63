namespace Shop.Grains.Common;

public static class ShopIds
{
    /// <summary>Time-ordered (UUID v7) ids, so sorting ids sorts by creation time.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
