using System.Collections.Immutable;
using Shop.Grains.Common;
using Shop.Grains.Reviews;

namespace Shop.Grains.Catalog;

internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Shop)] IPersistentState<ProductState> store,
    TimeProvider clock) : Grain, IProductGrain
{
    /// <summary>The stored <see cref="ProductState.Pending"/> has reached its hold in this activation.</summary>
    private bool _pendingApplied;

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

    public async Task SetRating(RatingSummary summary)
    {
        if (State.Details is not null && (State.Rating, State.ReviewCount) != (summary.Average, summary.Count))
        {
            await Save(State with { Rating = summary.Average, ReviewCount = summary.Count });
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!State.Reservations.IsEmpty || !State.Settled.IsEmpty)
        {
            await MoveLegacyReservations();
        }
    }

    public async Task<Reservation> Reserve(string orderId, int quantity)
    {
        var hold = await HoldOf(orderId);
        if (hold.Status == StockHoldStatus.Held)
        {
            return new Reservation(true, State.Available);
        }

        var refused = State.Details is null || State.Archived || quantity <= 0 || hold.Settled || State.Available < quantity;
        if (refused)
        {
            return new Reservation(false, State.Archived ? 0 : State.Available);
        }

        await Apply(orderId, StockHold.Of(StockHoldStatus.Held, quantity),
            State with { Available = State.Available - quantity, Reserved = State.Reserved + quantity });
        return new Reservation(true, State.Available);
    }

    public async Task Release(string orderId)
    {
        var hold = await HoldOf(orderId);
        if (hold.Status == StockHoldStatus.None)
        {
            // Settling an order that reserved nothing still counts: a reserve arriving late is then refused.
            await Hold(orderId).Set(StockHold.Of(StockHoldStatus.Released, 0));
        }
        else if (hold.Status == StockHoldStatus.Held)
        {
            await Apply(orderId, hold with { Status = StockHoldStatus.Released },
                State with { Available = State.Available + hold.Quantity, Reserved = State.Reserved - hold.Quantity });
        }
    }

    public async Task Commit(string orderId)
    {
        var hold = await HoldOf(orderId);
        if (hold.Status == StockHoldStatus.Held)
        {
            await Apply(orderId, hold with { Status = StockHoldStatus.Sold },
                State with { Sold = State.Sold + hold.Quantity, Reserved = State.Reserved - hold.Quantity });
        }
    }

    /// <summary>An order's hold on this product, once any change still pending has reached its hold.</summary>
    private async Task<StockHold> HoldOf(string orderId)
    {
        if (State.Pending is { } pending && !_pendingApplied)
        {
            await Hold(pending.OrderId).Set(pending.Hold);
            _pendingApplied = true;
        }

        return await Hold(orderId).Get();
    }

    /// <summary>
    /// Changes the counts and an order's hold as one step: the product's write names the hold as
    /// pending, so when the hold's own write does not happen (a crash, a storage error) the next call
    /// on this product finishes it before reading any hold.
    /// </summary>
    private async Task Apply(string orderId, StockHold hold, ProductState next)
    {
        await Save(next with { Pending = new PendingHold(orderId, hold) });
        _pendingApplied = false;
        await Hold(orderId).Set(hold);
        _pendingApplied = true;
    }

    /// <summary>State written by releases up to 2026-12-06 kept each open order's units in the product.</summary>
    private async Task MoveLegacyReservations()
    {
        await Task.WhenAll(State.Reservations.Select(r => Hold(r.Key).Set(StockHold.Of(StockHoldStatus.Held, r.Value)))
            .Concat(State.Settled.Keys.Select(orderId => Hold(orderId).Set(StockHold.Of(StockHoldStatus.Released, 0)))));
        await Save(State with
        {
            Reserved = State.Reserved + State.Reservations.Values.Sum(),
            Reservations = ImmutableDictionary<string, int>.Empty,
            Settled = ImmutableDictionary<string, DateTimeOffset>.Empty,
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

    private IStockHoldGrain Hold(string orderId) => GrainFactory.Get<IStockHoldGrain>(StockHoldGrain.Key(this.GetPrimaryKeyString(), orderId));

    private ProductView ToView() => State.ToView(this.GetPrimaryKeyString());
}
