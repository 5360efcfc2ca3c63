using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Configuration;

/// <summary>Whole-number settings (limits, counts): the fallback when unset, a clear error when malformed or too small.</summary>
public static class WholeNumbers
{
    public static int Read(IConfiguration config, string name, int fallback, int min = int.MinValue)
    {
        if (config[name] is not { Length: > 0 } raw)
        {
            return fallback;
        }

        var atLeast = min == int.MinValue ? "" : $" of at least {min}";
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number{atLeast}; got '{raw}'.");
    }
}
