using Shop.Grains.Common;

namespace Shop.Grains.Orders;

internal sealed class OrderIndexGrain(
    [PersistentState("order-index", StorageNames.Shop)] IPersistentState<OrderIndexState> store) : Grain, IOrderIndexGrain
{
    public Task Upsert(OrderIndexEntry entry) =>
        store.State.Entries.TryGetValue(entry.OrderId, out var known) && known.Version >= entry.Version
            ? Task.CompletedTask
            : store.SaveAsync(store.State with { Entries = store.State.Entries.SetItem(entry.OrderId, entry) });

    public Task<int> Count(OrderStatus? status) => Task.FromResult(Matching(status).Count());

    public Task<IReadOnlyList<OrderIndexEntry>> Newest(OrderStatus? status, int take) =>
        Task.FromResult<IReadOnlyList<OrderIndexEntry>>(Matching(status).Order(OrderIndexEntry.NewestFirst).Take(take).ToList());

    private IEnumerable<OrderIndexEntry> Matching(OrderStatus? status) =>
        store.State.Entries.Values.Where(e => status is null || e.Status == status);
}

internal sealed class OrderMonthsGrain(
    [PersistentState("order-months", StorageNames.Shop)] IPersistentState<OrderMonthsState> store) : Grain, IOrderMonthsGrain
{
    public Task Add(string month) =>
        store.State.Months.Contains(month)
            ? Task.CompletedTask
            : store.SaveAsync(store.State with { Months = store.State.Months.Add(month) });

    public Task<IReadOnlyList<string>> GetMonths() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.Months.Reverse().ToList());
}
