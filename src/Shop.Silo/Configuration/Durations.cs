using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Silo.Configuration;

/// <summary>Durations as ops write them: <c>7d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c>, or plain seconds.</summary>
public static partial class Durations
{
    public static TimeSpan Parse(string value, string settingName)
    {
        var match = DurationPattern().Match(value.Trim());
        if (!match.Success)
        {
            throw new FormatException($"{settingName} must look like 7d, 12h, 30m, 45s or a number of seconds; got '{value}'.");
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var duration = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "ms" => TimeSpan.FromMilliseconds(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return duration > TimeSpan.Zero
            ? duration
            : throw new FormatException($"{settingName} must be longer than zero; got '{value}'.");
    }

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)\s*(?<unit>ms|d|h|m|s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
