using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;

namespace Shop.Grains.Orders;

/// <summary>
/// An order's dealings with the product grains: reserving its lines at checkout, and paying back
/// (release) or selling (commit) what it holds. Every call is idempotent per order id on the
/// product's side, so the order may repeat any of them after a failure.
/// </summary>
internal sealed class StockSettlement(IGrainFactory grains, string orderId, ILogger logger)
{
    /// <summary>
    /// Reserves every line, all or nothing; the shortages name each product that failed. The prices
    /// read are the order's: <paramref name="check"/> may refuse them before anything is reserved.
    /// </summary>
    public async Task<(ProductView?[] Products, ShopError? Shortage)> ReserveAll(
        IReadOnlyList<StoredCartLine> lines, Func<IReadOnlyList<ProductView>, ShopError?> check)
    {
        var products = await Task.WhenAll(lines.Select(l => Product(l.ProductId).Get()));
        var errors = new Dictionary<string, string[]>();
        foreach (var (line, product) in lines.Zip(products))
        {
            if (product is null || product.Archived)
            {
                errors[line.ProductId] = ["This product is no longer sold."];
            }
        }

        if (errors.Count == 0 && check(products!) is { } refused)
        {
            return (products, refused);
        }

        if (errors.Count == 0)
        {
            var reservations = await Task.WhenAll(lines.Select(l => Product(l.ProductId).Reserve(orderId, l.Quantity)));
            foreach (var (line, reservation) in lines.Zip(reservations).Where(r => !r.Second.Reserved))
            {
                errors[line.ProductId] = [$"Only {reservation.Available} left in stock."];
            }
        }

        if (errors.Count == 0)
        {
            return (products, null);
        }

        await ReleaseAll(lines.Select(l => l.ProductId));
        return (products, ShopError.Conflict(ErrorCodes.OrderItemsUnavailable, "Some items are not available in the quantity ordered.", errors: errors));
    }

    public Task ReleaseAll(IEnumerable<string> productIds) =>
        Task.WhenAll(productIds.Distinct().Select(id => Product(id).Release(orderId)));

    /// <summary>
    /// Pays back what the order owes and returns what is still owed. A failure is only logged: the
    /// status change is already saved, and the order's reminder tries again.
    /// </summary>
    public async Task<(ImmutableHashSet<string> Releases, ImmutableHashSet<string> Commits)> Settle(
        ImmutableHashSet<string> owedReleases, ImmutableHashSet<string> owedCommits)
    {
        var released = await Attempt(owedReleases, id => Product(id).Release(orderId));
        var committed = await Attempt(owedCommits, id => Product(id).Commit(orderId));
        return (owedReleases.Except(released), owedCommits.Except(committed));
    }

    private async Task<IEnumerable<string>> Attempt(ImmutableHashSet<string> productIds, Func<string, Task> action)
    {
        var results = await Task.WhenAll(productIds.Select(async id =>
        {
            try
            {
                await action(id);
                return id;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Order {OrderId} could not settle stock of product {ProductId}; the reminder retries", orderId, id);
                return null;
            }
        }));
        return results.OfType<string>();
    }

    private IProductGrain Product(string productId) => grains.Get<IProductGrain>(productId);
}
