using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

/// <summary>
/// What one order holds of one product (key: <see cref="StockHoldGrain.Key"/>). Only the product grain
/// writes holds, one call at a time, so a product's own state stays the same size however many open
/// orders reserved it. Silo-internal.
/// </summary>
public interface IStockHoldGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<StockHold> Get();

    Task Set(StockHold hold);
}

public enum StockHoldStatus
{
    /// <summary>The order never reserved this product.</summary>
    None,
    Held,
    Released,
    Sold,
}

/// <summary>A hold as stored and as passed between the product and its hold grain.</summary>
[GenerateSerializer, Immutable, Alias("shop.StockHold")]
public sealed record StockHold
{
    [Id(0)] public StockHoldStatus Status { get; init; }
    [Id(1)] public int Quantity { get; init; }

    /// <summary>Released or sold: the order is done with this product, and a late reserve is refused.</summary>
    public bool Settled => Status is StockHoldStatus.Released or StockHoldStatus.Sold;

    public static StockHold Of(StockHoldStatus status, int quantity) => new() { Status = status, Quantity = quantity };
}

// Holds are read and written at checkout and settlement, then left alone: they need not stay in memory.
[CollectionAgeLimit(Minutes = 2)]
internal sealed class StockHoldGrain(
    [PersistentState("stock-hold", StorageNames.Shop)] IPersistentState<StockHold> store) : Grain, IStockHoldGrain
{
    public static string Key(string productId, string orderId) => $"{orderId}:{productId}";

    public Task<StockHold> Get() => Task.FromResult(store.State);

    public Task Set(StockHold hold) => store.RecordExists && store.State == hold ? Task.CompletedTask : store.SaveAsync(hold);
}
