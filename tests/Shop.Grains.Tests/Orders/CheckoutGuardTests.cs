using Shop.Grains.Carts;
using Shop.Grains.Common;
using Shop.Grains.Orders;

namespace Shop.Grains.Tests.Orders;

/// <summary>
/// Checkout refuses what would let one shopper hoard stock (too many unpaid orders, too many units
/// of a product) or charge a total the shopper was not shown; a refusal reserves nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CheckoutGuardTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;
    private static readonly ShopRulesOptions Rules = new();

    private Task<Outcome<OrderView>> Checkout(string userId, long? expectedTotal = null) =>
        Shopping.Checkout(_grains, userId, expectedTotal: expectedTotal);

    [Fact]
    public async Task A_shopper_with_the_maximum_of_unpaid_orders_cannot_place_another_until_one_is_paid()
    {
        var product = await Shopping.NewProduct(_grains, stock: 100);
        var shopper = await Shopping.ShopperWithCart(_grains);
        var cart = _grains.GetGrain<ICartGrain>(shopper);
        var unpaid = new List<string>();
        for (var i = 0; i < Rules.MaxUnpaidOrders; i++)
        {
            await cart.Add(product, 2);
            unpaid.Add((await Checkout(shopper)).Value!.Id);
        }

        await cart.Add(product, 2);
        var refused = await Checkout(shopper);

        Assert.Equal(ErrorCodes.OrderTooManyUnpaid, refused.Error!.Code);
        Assert.Equal(Rules.MaxUnpaidOrders, refused.Error.Params!["max"]);
        Assert.Equal(100 - 2 * Rules.MaxUnpaidOrders, (await Shopping.Product(_grains, product)).Stock);
        Assert.Single(await cart.GetLines());

        Assert.True((await _grains.GetGrain<IOrderGrain>(unpaid[0]).PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, "guard-pay"))).IsSuccess);
        Assert.True((await Checkout(shopper)).IsSuccess);
    }

    [Fact]
    public async Task An_order_takes_at_most_the_maximum_units_of_one_product()
    {
        var product = await Shopping.NewProduct(_grains, stock: 50);
        var other = await Shopping.NewProduct(_grains, stock: 50);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, Rules.MaxUnitsPerProduct + 1), (other, 1));

        var refused = await Checkout(shopper);

        Assert.Equal(ErrorCodes.OrderTooManyUnits, refused.Error!.Code);
        Assert.Equal([product], refused.Error.Errors!.Keys);
        Assert.Equal(50, (await Shopping.Product(_grains, product)).Stock);

        await _grains.GetGrain<ICartGrain>(shopper).SetQuantity(product, Rules.MaxUnitsPerProduct);
        Assert.True((await Checkout(shopper)).IsSuccess);
    }

    [Fact]
    public async Task A_total_other_than_the_one_shown_is_refused_and_nothing_is_reserved()
    {
        var product = await Shopping.NewProduct(_grains, stock: 10, price: 2500);
        var shopper = await Shopping.ShopperWithCart(_grains, (product, 2));
        var shown = 2 * 2500 + Rules.ShippingFeeFor(5000);

        var refused = await Checkout(shopper, expectedTotal: shown - 100);

        Assert.Equal(ErrorCodes.OrderTotalChanged, refused.Error!.Code);
        Assert.Equal(shown, refused.Error.Params!["total"]);
        Assert.Equal(10, (await Shopping.Product(_grains, product)).Stock);
        Assert.Single(await _grains.GetGrain<ICartGrain>(shopper).GetLines());

        var placed = await Checkout(shopper, expectedTotal: shown);
        Assert.Equal(shown, placed.Value!.Total);
    }
}
