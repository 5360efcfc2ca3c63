using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Features.Dashboard;

/// <summary>The time zone the admin's days are counted in (the web client sends the browser's).</summary>
public record DashboardQuery : IValidatableObject
{
    /// <summary>An IANA time zone such as Asia/Shanghai; UTC when absent.</summary>
    [MaxLength(64, ErrorMessage = "tz must be an IANA time zone such as Asia/Shanghai.")]
    [FromQuery(Name = "tz")]
    public string? Tz { get; init; }

    public TimeZoneInfo Zone => ZoneOf(Tz)!;

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ZoneOf(Tz) is null)
        {
            yield return new ValidationResult("tz must be an IANA time zone such as Asia/Shanghai.", [nameof(Tz)]);
        }
    }

    /// <summary>
    /// Only IANA names: the stores group days by the zone's name, and PostgreSQL and MongoDB know
    /// IANA names, not the Windows ones .NET would also accept.
    /// </summary>
    private static TimeZoneInfo? ZoneOf(string? name) =>
        string.IsNullOrEmpty(name) ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId && zone.Id == name ? zone
        : null;
}

/// <summary>The range of the best sellers: days in the zone, both included (the last 30 days when absent).</summary>
public sealed record TopProductsQuery : DashboardQuery
{
    public const int MaxDays = 366;

    private static bool IsSane(DateOnly day) => day.Year is >= 2000 and < 2100;

    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    [RegularExpression("^(units|revenue)$", ErrorMessage = "by must be units or revenue.")]
    [FromQuery(Name = "by")]
    public string? By { get; init; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in base.Validate(validationContext))
        {
            yield return error;
        }

        // Far-off days would overflow the calendar when the range is widened or converted to UTC.
        if (From is { } early && !IsSane(early) || To is { } late && !IsSane(late))
        {
            yield return new ValidationResult("from and to must be days between 2000-01-01 and 2099-12-31.", [From is { } f && !IsSane(f) ? nameof(From) : nameof(To)]);
        }

        if (From is { } from && To is { } to && (to < from || to.DayNumber - from.DayNumber >= MaxDays))
        {
            yield return new ValidationResult($"to must be on or after from, and the range at most {MaxDays} days.", [nameof(To)]);
        }
    }
}
