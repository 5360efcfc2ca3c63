using System.Collections.Immutable;
using Shop.Grains.Common;

namespace Shop.Grains.Catalog;

internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Shop)] IPersistentState<ProductState> store,
    TimeProvider clock) : Grain, IProductGrain
{
    // Settled order ids only have to outlive a reserve still in flight for the same order: Orleans
    // drops requests older than their response timeout (30 s by default), so ten minutes is ample,
    // and a hot product's state does not grow with every order it sells.
    private static readonly TimeSpan SettledRetention = TimeSpan.FromMinutes(10);

    private ProductState State => store.State;

    private ICatalogGrain Catalog => GrainFactory.GetGrain<ICatalogGrain>(0);

    public async Task<Outcome<ProductView>> Create(NewProduct product)
    {
        if (State.Details is not null)
        {
            // A create repeated after a failure (an import sent again) makes sure the first one
            // reached the catalog's registry too: a product is never stored but unlisted.
            await Catalog.Register([CatalogEntry.From(ToView())]);
            return ShopError.Conflict(ErrorCodes.ProductExists, "A product with this id already exists.");
        }

        var now = clock.GetUtcNow();
        await store.SaveAsync(new ProductState
        {
            Details = StoredProductDetails.From(product.Details),
            Available = product.Stock,
            Rating = product.Rating,
            Sold = product.Sold,
            CreatedAt = product.CreatedAt ?? now,
            UpdatedAt = now,
        });
        var view = ToView();
        await Catalog.Register([CatalogEntry.From(view)]);
        return view;
    }

    public Task<ProductView?> Get() => Task.FromResult(State.Details is null ? null : ToView());

    public Task<Outcome<ProductView>> Update(ProductDetails details, int? stock, long? expectedRevision = null) =>
        Change(s => s with { Details = StoredProductDetails.From(details), Available = stock ?? s.Available }, expectedRevision);

    public Task<Outcome<ProductView>> SetStock(int stock, long? expectedRevision = null) =>
        Change(s => s with { Available = stock }, expectedRevision);

    public Task<Outcome<ProductView>> Archive() => Change(s => s with { Archived = true }, expectedRevision: null);

    public async Task<Reservation> Reserve(string orderId, int quantity)
    {
        if (State.Reservations.ContainsKey(orderId))
        {
            return new Reservation(true, State.Available);
        }

        var refused = State.Details is null || State.Archived || quantity <= 0
            || State.Settled.ContainsKey(orderId) || State.Available < quantity;
        if (refused)
        {
            return new Reservation(false, State.Archived ? 0 : State.Available);
        }

        await Save(State with
        {
            Available = State.Available - quantity,
            Reservations = State.Reservations.Add(orderId, quantity),
        });
        return new Reservation(true, State.Available);
    }

    public async Task Release(string orderId)
    {
        if (State.Settled.ContainsKey(orderId))
        {
            return;
        }

        // Settling an order that reserved nothing still counts: a reserve arriving late is then refused.
        var held = State.Reservations.GetValueOrDefault(orderId);
        await Save(State with
        {
            Available = State.Available + held,
            Reservations = State.Reservations.Remove(orderId),
            Settled = Settle(orderId),
        });
    }

    public async Task Commit(string orderId)
    {
        if (!State.Reservations.TryGetValue(orderId, out var held))
        {
            return;
        }

        await Save(State with
        {
            Sold = State.Sold + held,
            Reservations = State.Reservations.Remove(orderId),
            Settled = Settle(orderId),
        });
    }

    private async Task<Outcome<ProductView>> Change(Func<ProductState, ProductState> change, long? expectedRevision)
    {
        if (State.Details is null)
        {
            return ShopError.NotFound(ErrorCodes.ProductNotFound, "The product does not exist.");
        }

        // An admin's screen older than the product (an order took stock, another admin saved) must
        // not overwrite it: they see the current values and decide again.
        if (expectedRevision is { } expected && expected != State.Revision)
        {
            return new ShopError(ErrorKind.PreconditionFailed, "The product changed since you opened it. Check its current values and save again.",
                Code: ErrorCodes.ProductChanged, Params: new Dictionary<string, object> { ["revision"] = State.Revision, ["stock"] = State.Available });
        }

        await Save(change(State) with { UpdatedAt = clock.GetUtcNow() });
        return ToView();
    }

    private async Task Save(ProductState next)
    {
        await store.SaveAsync(next with { Revision = State.Revision + 1 });
        await Catalog.Update(CatalogEntry.From(ToView()));
    }

    private ImmutableDictionary<string, DateTimeOffset> Settle(string orderId)
    {
        var now = clock.GetUtcNow();
        var expired = State.Settled.Where(s => now - s.Value > SettledRetention).Select(s => s.Key);
        return State.Settled.RemoveRange(expired).SetItem(orderId, now);
    }

    private ProductView ToView() => State.ToView(this.GetPrimaryKeyString());
}
