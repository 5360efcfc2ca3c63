using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Grains.Tests.Support;

/// <summary>
/// The admin order list shared by every silo of the test clusters (they run in this process), with
/// failures to inject, as a database that is down (or a process killed before the write) would cause.
/// </summary>
public sealed class TestReadModel : IOrderReadModel
{
    public static readonly TestReadModel Instance = new();

    private readonly MemoryOrderReadModel _rows = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    /// <summary>The next <paramref name="count"/> writes of the user's orders fail.</summary>
    public void FailNext(string userId, int count) => _failuresLeft[userId] = count;

    public Task Upsert(OrderRow row, CancellationToken cancellationToken = default) =>
        _failuresLeft.TryGetValue(row.UserId, out var left) && left > 0 && _failuresLeft.TryUpdate(row.UserId, left - 1, left)
            ? throw new TimeoutException("The read model's database is not answering.")
            : _rows.Upsert(row, cancellationToken);

    public Task<OrderRowPage> Query(OrderRowQuery query, CancellationToken cancellationToken = default) => _rows.Query(query, cancellationToken);

    /// <summary>The read models of the test silos: this order list and the <see cref="TestReviewStore"/>.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IOrderReadModel>(Instance);
        TestReviewStore.Register(services);
    }
}
