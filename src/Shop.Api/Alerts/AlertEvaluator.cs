namespace Shop.Api.Alerts;

/// <summary>
/// Keeps the recent measurements and decides, rule by rule, when to notify: when an alert starts
/// firing, again only after the cool-down if it still fires, and once when it clears.
/// Pure logic over the measurements it is given, so tests can drive it with any numbers.
/// </summary>
public sealed class AlertEvaluator(IReadOnlyList<AlertRule> rules, TimeSpan window, TimeSpan cooldown)
{
    private readonly Queue<Measurement> _samples = new();
    private readonly Dictionary<string, DateTimeOffset> _firingSince = [];
    private readonly Dictionary<string, DateTimeOffset> _lastNotified = [];

    public IReadOnlyCollection<string> Firing => _firingSince.Keys;

    public IReadOnlyList<AlertNotice> Evaluate(Measurement measurement)
    {
        _samples.Enqueue(measurement);
        while (_samples.TryPeek(out var oldest) && measurement.At - oldest.At > window)
        {
            _samples.Dequeue();
        }

        var notices = new List<AlertNotice>();
        foreach (var rule in rules)
        {
            var value = rule.LatestOnly ? rule.Read(measurement) : Mean(rule);
            if (value is null)
            {
                continue;
            }

            var firing = value > rule.Threshold;
            var wasFiring = _firingSince.ContainsKey(rule.Id);
            if (firing && (!wasFiring || measurement.At - _lastNotified[rule.Id] >= cooldown))
            {
                _firingSince.TryAdd(rule.Id, measurement.At);
                _lastNotified[rule.Id] = measurement.At;
                notices.Add(new AlertNotice(rule, Resolved: false, value.Value, measurement.At, measurement.UnavailableDetail));
            }
            else if (!firing && wasFiring)
            {
                _firingSince.Remove(rule.Id);
                notices.Add(new AlertNotice(rule, Resolved: true, value.Value, measurement.At, null));
            }
        }

        return notices;
    }

    private double? Mean(AlertRule rule)
    {
        var values = _samples.Select(rule.Read).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
