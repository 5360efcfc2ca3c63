using Shop.Grains.Orders;

namespace Shop.Grains.Live;

/// <summary>What changed, as a live feed tells it: enough for a client to know what to read again.</summary>
[GenerateSerializer, Alias("shop.LiveChangeKind")]
public enum LiveChangeKind
{
    /// <summary>An order was placed or changed status.</summary>
    Order,

    /// <summary>A shopper's cart changed.</summary>
    Cart,
}

[GenerateSerializer, Immutable, Alias("shop.LiveChange")]
public sealed record LiveChange(
    [property: Id(0)] LiveChangeKind Kind,
    [property: Id(1)] string? OrderId = null,
    [property: Id(2)] OrderStatus? Status = null);

/// <summary>A change numbered in its feed: <see cref="Sequence"/> counts from 1 within one <see cref="LivePosition.Epoch"/>.</summary>
[GenerateSerializer, Immutable, Alias("shop.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] string Feed,
    [property: Id(1)] string Epoch,
    [property: Id(2)] long Sequence,
    [property: Id(3)] LiveChange Change);

/// <summary>
/// Where a reader of a feed is. The epoch names one life of the feed's grain: its events are kept in
/// memory only, so after a restart the numbers start again under a new epoch.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.LivePosition")]
public sealed record LivePosition([property: Id(0)] string Epoch, [property: Id(1)] long Sequence);

/// <summary>The names of the feeds.</summary>
public static class LiveFeeds
{
    public const string Admins = "admins";

    public static string User(string userId) => "user:" + userId;
}
