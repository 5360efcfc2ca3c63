namespace Shop.Api.Infrastructure;

public static class Ids
{
    /// <summary>
    /// Ids the shop issues are 32 hex digits. Checking the shape first keeps junk ids from
    /// activating grains (and reading storage) only to find nothing.
    /// </summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
