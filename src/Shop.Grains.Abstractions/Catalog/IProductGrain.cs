using Shop.Grains.Common;
using Shop.Grains.Reviews;

namespace Shop.Grains.Catalog;

/// <summary>
/// One product and the single writer of its stock. Reserve, release and commit are idempotent per
/// order id, so retries never oversell and never lose stock.
/// </summary>
public interface IProductGrain : IGrainWithStringKey
{
    Task<Outcome<ProductView>> Create(NewProduct product);

    /// <summary>Null when no product was ever created under this id; archived ones are returned.</summary>
    [ReadOnly]
    Task<ProductView?> Get();

    /// <summary>
    /// Replaces the details; sets the available stock too when given. With <paramref name="expectedRevision"/>
    /// (the revision the caller read), a product changed since is refused (product.changed).
    /// </summary>
    Task<Outcome<ProductView>> Update(ProductDetails details, int? stock, long? expectedRevision = null);

    /// <summary>Sets the available stock; <paramref name="expectedRevision"/> as for <see cref="Update"/>.</summary>
    Task<Outcome<ProductView>> SetStock(int stock, long? expectedRevision = null);

    Task<Outcome<ProductView>> Archive();

    /// <summary>The average and count of the product's visible reviews (its reviews grain sends them).</summary>
    Task SetRating(RatingSummary summary);

    /// <summary>Holds <paramref name="quantity"/> units for an order, all or nothing.</summary>
    Task<Reservation> Reserve(string orderId, int quantity);

    /// <summary>Returns an order's held units to stock (cancel, refund, failed checkout).</summary>
    Task Release(string orderId);

    /// <summary>Turns an order's held units into a sale (shipped).</summary>
    Task Commit(string orderId);
}
