using System.Globalization;
using Shop.Grains.Live;

namespace Shop.Api.Features.Live;

/// <summary>A live stream's event id: each feed's epoch and sequence, in the stream's order of feeds ("e1.12~e2.40").</summary>
public static class LiveCursor
{
    public static string Format(IEnumerable<LivePosition> positions) =>
        string.Join('~', positions.Select(p => p.Epoch + "." + p.Sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The positions, or null for an empty, malformed or other-shaped id (a client then reads everything again).</summary>
    public static LivePosition[]? Parse(string? id, int feeds)
    {
        var parts = (id ?? "").Split('~');
        if (string.IsNullOrEmpty(id) || id.Length > 200 || parts.Length != feeds)
        {
            return null;
        }

        var positions = new LivePosition[feeds];
        for (var i = 0; i < feeds; i++)
        {
            var fields = parts[i].Split('.');
            if (fields.Length != 2 || fields[0].Length is 0 or > 32 || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return null;
            }

            positions[i] = new LivePosition(fields[0], sequence);
        }

        return positions;
    }
}
