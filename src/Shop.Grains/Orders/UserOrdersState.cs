using System.Collections.Immutable;

namespace Shop.Grains.Orders;

[GenerateSerializer, Immutable, Alias("shop.IdempotencyRecord")]
public sealed record IdempotencyRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string OrderId);

[GenerateSerializer, Alias("shop.UserOrdersState")]
public sealed record UserOrdersState
{
    /// <summary>Newest first.</summary>
    [Id(0)] public ImmutableList<string> OrderIds { get; init; } = ImmutableList<string>.Empty;

    /// <summary>The most recent checkout keys, newest first.</summary>
    [Id(1)] public ImmutableList<IdempotencyRecord> Keys { get; init; } = ImmutableList<IdempotencyRecord>.Empty;

    /// <summary>Orders placed within the payment timeout, newest first: the only ones that can be unpaid.</summary>
    [Id(2)] public ImmutableList<RecentOrder> Recent { get; init; } = ImmutableList<RecentOrder>.Empty;
}

[GenerateSerializer, Immutable, Alias("shop.RecentOrder")]
public sealed record RecentOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] DateTimeOffset PlacedAt);
