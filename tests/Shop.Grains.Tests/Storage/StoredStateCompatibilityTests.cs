using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Health;
using Shop.Grains.Orders;
using Shop.Grains.Reviews;
using Shop.Grains.Users;

namespace Shop.Grains.Tests.Storage;

/// <summary>State written by an earlier release reads with today's types (see Fixtures/README.md).</summary>
public sealed class StoredStateCompatibilityTests
{
    private static readonly IGrainStorageSerializer Serializer = new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(OrderState).Assembly).AddAssembly(typeof(ShopError).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>());

    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);

    // The 2026-12-07 set: every member holds a value other than its default, so a renumbered [Id] cannot pass unseen.
    private static readonly DateTimeOffset T1 = new(2026, 12, 7, 17, 30, 0, TimeSpan.FromHours(8));

    private static T Read<T>(string release) where T : class =>
        Serializer.Deserialize<T>(BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", release, typeof(T).Name + ".bin"))))!;

    [Theory]
    [InlineData("2026-12-06")]
    public void A_stored_order_reads_with_every_field(string release)
    {
        var state = Read<OrderState>(release);

        var order = state.Order!;
        Assert.Equal("0193a5b2c3d47e8f9a0b1c2d3e4f5a6b", order.Id);
        Assert.Equal("0193a5b2c3d47e8f9a0b1c2d3e4f0001", order.UserId);
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal([("p1", "保温杯 Thermos", 12900L, 2), ("p2", "Kettle", 4500L, 1)],
            order.Items.Select(i => (i.ProductId, i.Name, i.UnitPrice, i.Quantity)));
        Assert.Equal((30300L, 0L), (order.Subtotal, order.ShippingFee));
        Assert.Equal(("李雷", "13800138000", "人民路 1 号", "上海", "上海市", "200000"),
            (order.ShippingAddress.Name, order.ShippingAddress.Phone, order.ShippingAddress.Line1, order.ShippingAddress.City,
             order.ShippingAddress.Province, order.ShippingAddress.PostalCode));
        Assert.Equal("请周末送", order.Note);
        Assert.Equal(("pay_1", "card", "4242", T0.AddMinutes(2)), (order.Payment!.Id, order.Payment.Method, order.Payment.Last4, order.Payment.PaidAt));
        Assert.Equal(("顺丰速运", "SF123", T0.AddHours(3)), (order.Shipment!.Carrier, order.Shipment.TrackingNumber, order.Shipment.ShippedAt));
        Assert.Equal([(OrderStatus.PendingPayment, T0), (OrderStatus.Paid, T0.AddMinutes(2)), (OrderStatus.Shipped, T0.AddHours(3))],
            order.History.Select(h => (h.Status, h.At)));
        Assert.Equal((T0, T0.AddMinutes(30)), (order.CreatedAt, order.PaymentDeadline));

        Assert.Equal(("u1", "p1", 2, "上海", "note"),
            (state.Placing!.UserId, state.Placing.Lines.Single().ProductId, state.Placing.Lines.Single().Quantity, state.Placing.ShippingAddress.City, state.Placing.Note));
        Assert.Equal(["p9"], state.OwedReleases);
        Assert.Equal(["p1", "p2"], state.OwedCommits.Order());
        Assert.Equal("pay-key-1", state.PaymentKey);
        Assert.False(state.Abandoned);
        Assert.Equal(["k-declined", "k-invalid"], state.RefusedPayments.Select(r => r.IdempotencyKey));
        Assert.Equal((ErrorKind.PaymentDeclined, "The card was declined."), (state.RefusedPayments[0].Error.Kind, state.RefusedPayments[0].Error.Detail));
        Assert.Equal(["The card number is not valid."], state.RefusedPayments[1].Error.Errors!["cardNumber"]);
    }

    [Theory]
    [InlineData("2026-12-06")]
    public void A_stored_product_cart_and_catalog_read_with_every_field(string release)
    {
        var product = Read<ProductState>(release);
        var details = product.Details!;
        Assert.Equal(("保温杯 Thermos", "不锈钢", 12900L, "kitchen", "象印"), (details.Name, details.Description, details.Price, details.Category, details.Brand));
        Assert.Equal(["/a.svg", "/b.svg"], details.Images);
        Assert.Equal("500ml", details.Attributes["容量"]);
        Assert.Equal((7, 2, T0), (product.Available, product.Reservations["o1"], product.Settled["o0"]));
        Assert.Equal((4.5, 12L, false, T0, T0.AddDays(1), 3L),
            (product.Rating, product.Sold, product.Archived, product.CreatedAt, product.UpdatedAt, product.Revision));

        Assert.Equal([("p1", 2), ("p2", 99)], Read<CartState>(release).Lines.Select(l => (l.ProductId, l.Quantity)));

        var catalog = Read<CatalogState>(release);
        Assert.Equal(["p1", "p2"], catalog.ProductIds.Order());
        Assert.True(catalog.SeedingClaimed);
    }

    [Theory]
    [InlineData("2026-12-06")]
    public void A_stored_user_and_its_indexes_read_with_every_field(string release)
    {
        var user = Read<UserState>(release);
        var profile = user.Profile!;
        Assert.Equal(("u1", "li.lei@example.com", "李雷", Roles.Customer, "13800138000", Languages.English, T0),
            (profile.Id, profile.Email, profile.Name, profile.Role, profile.Phone, profile.Language, profile.CreatedAt));
        Assert.Equal("人民路 1 号", profile.DefaultAddress!.Line1);
        Assert.Equal(("$2a$12$hash", 2, "resethash", T0.AddHours(1)), (user.PasswordHash, user.TokenVersion, user.ResetTokenHash, user.ResetTokenExpiresAt));
        // Registered before email verification existed: it keeps getting order mail.
        Assert.True(user.EmailVerified);

        Assert.Equal("u1", Read<UserEmailState>(release).UserId);

        var orders = Read<UserOrdersState>(release);
        Assert.Equal(["o2", "o1"], orders.OrderIds);
        Assert.Equal(("key-1", "o2"), (orders.Keys.Single().Key, orders.Keys.Single().OrderId));
    }

    [Fact]
    public void A_2026_12_07_order_reads_with_its_events_outbox_and_projection()
    {
        var state = Read<OrderState>("2026-12-07");

        var order = state.Order!;
        Assert.Equal(("0193a5b2c3d47e8f9a0b1c2d3e4f7a01", "0193a5b2c3d47e8f9a0b1c2d3e4f0002", OrderStatus.Delivered), (order.Id, order.UserId, order.Status));
        Assert.Equal([("p4", "Kettle", 4500L, 1), ("p5", "杯垫 Coaster", 990L, 2)], order.Items.Select(i => (i.ProductId, i.Name, i.UnitPrice, i.Quantity)));
        Assert.Equal((6480L, 1000L, "放门口"), (order.Subtotal, order.ShippingFee, order.Note));
        AssertAddress(order.ShippingAddress);
        Assert.Equal(("pay_7", "card", "4242", T1.AddMinutes(3)), (order.Payment!.Id, order.Payment.Method, order.Payment.Last4, order.Payment.PaidAt));
        Assert.Equal(("顺丰速运", "SF777", T1.AddHours(2)), (order.Shipment!.Carrier, order.Shipment.TrackingNumber, order.Shipment.ShippedAt));
        Assert.Equal(
            [(OrderStatus.PendingPayment, T1), (OrderStatus.Paid, T1.AddMinutes(3)), (OrderStatus.Shipped, T1.AddHours(2)), (OrderStatus.Delivered, T1.AddDays(2))],
            order.History.Select(h => (h.Status, h.At)));
        Assert.Equal((T1, T1.AddMinutes(30)), (order.CreatedAt, order.PaymentDeadline));

        var placing = state.Placing!;
        Assert.Equal(("u2", "p4", 1, "note"), (placing.UserId, placing.Lines.Single().ProductId, placing.Lines.Single().Quantity, placing.Note));
        AssertAddress(placing.ShippingAddress);
        Assert.Equal(["p6"], state.OwedReleases);
        Assert.Equal(["p4", "p5"], state.OwedCommits.Order());
        Assert.Equal(("pay-key-7", true), (state.PaymentKey, state.Abandoned));

        Assert.Equal(["k-declined", "k-invalid"], state.RefusedPayments.Select(r => r.IdempotencyKey));
        var declined = state.RefusedPayments[0].Error;
        Assert.Equal((ErrorKind.PaymentDeclined, "The card was declined.", ErrorCodes.PaymentDeclined), (declined.Kind, declined.Detail, declined.Code));
        Assert.Null(declined.Errors);
        Assert.Null(declined.Params);
        var invalid = state.RefusedPayments[1].Error;
        Assert.Equal((ErrorKind.Validation, "The card number is not valid.", ErrorCodes.CardInvalid), (invalid.Kind, invalid.Detail, invalid.Code));
        Assert.Equal(["The card number is not valid."], invalid.Errors!["cardNumber"]);
        Assert.Equal(15, invalid.Params!["digits"]);

        Assert.Equal([3, 4], state.UnsentNotices);
        Assert.Equal(3, state.ProjectedVersion);
    }

    [Fact]
    public void A_2026_12_07_product_its_hold_its_reviews_the_catalog_and_a_cart_read_with_every_field()
    {
        var product = Read<ProductState>("2026-12-07");
        var details = product.Details!;
        Assert.Equal(("保温杯 Thermos", "不锈钢 500ml", 12900L, "kitchen", "象印", 5),
            (details.Name, details.Description, details.Price, details.Category, details.Brand, details.LowStockThreshold));
        Assert.Equal(["/a.svg", "/b.svg"], details.Images);
        Assert.Equal("500ml", details.Attributes["容量"]);
        Assert.Equal((7, 2, T1), (product.Available, product.Reservations["o1"], product.Settled["o0"]));
        Assert.Equal((4.5, 12L, true, T1, T1.AddDays(1), 3L),
            (product.Rating, product.Sold, product.Archived, product.CreatedAt, product.UpdatedAt, product.Revision));
        Assert.Equal(4, product.Reserved);
        Assert.Equal(("o7", StockHoldStatus.Held, 2), (product.Pending!.OrderId, product.Pending.Hold.Status, product.Pending.Hold.Quantity));
        Assert.Equal(3, product.ReviewCount);

        var reviews = Read<ProductReviewsState>("2026-12-07");
        Assert.Equal([1, 0, 2, 3, 4], reviews.Stars);
        Assert.Equal("o1.p1", reviews.Pending);

        var hold = Read<StockHold>("2026-12-07");
        Assert.Equal((StockHoldStatus.Sold, 3), (hold.Status, hold.Quantity));

        var categories = Read<CategoriesState>("2026-12-07");
        Assert.Equal(7, categories.Version);
        Assert.Equal([("pets", "宠物", "Pets", null, "#1677ff", false), ("cat-food", "猫粮", "Cat food", "pets", "#722ed1", true)],
            categories.Items!.Select(c => (c.Id, c.Name, c.NameEn, c.ParentId, c.Color, c.Archived)));

        var catalog = Read<CatalogState>("2026-12-07");
        Assert.Equal(["p1", "p2"], catalog.ProductIds.Order());
        Assert.Equal((true, 2), (catalog.SeedingClaimed, catalog.Pages));
        Assert.Equal(["p1", "p2", "p3"], Read<CatalogPageState>("2026-12-07").ProductIds);

        Assert.Equal([("p4", 1), ("p5", 2)], Read<CartState>("2026-12-07").Lines.Select(l => (l.ProductId, l.Quantity)));
    }

    [Fact]
    public void A_2026_12_07_user_its_email_index_orders_and_the_storage_probe_read_with_every_field()
    {
        var user = Read<UserState>("2026-12-07");
        var profile = user.Profile!;
        Assert.Equal(("u2", "han.meimei@example.com", "韩梅梅", Roles.Admin, "13900139000", Languages.Chinese, T1),
            (profile.Id, profile.Email, profile.Name, profile.Role, profile.Phone, profile.Language, profile.CreatedAt));
        AssertAddress(profile.DefaultAddress!);
        Assert.Equal(("$2a$12$hash2", 3, "resethash", T1.AddHours(1)), (user.PasswordHash, user.TokenVersion, user.ResetTokenHash, user.ResetTokenExpiresAt));
        Assert.Equal([("tokenhash1", T1, T1.AddHours(1)), ("tokenhash2", T1.AddMinutes(5), T1.AddMinutes(65))],
            user.ResetTokens.Select(t => (t.Hash, t.IssuedAt, t.ExpiresAt)));
        Assert.Equal((T1.AddMinutes(10), "verifyhash", T1, T1.AddDays(1), true),
            (user.EmailVerifiedAt, user.VerificationToken!.Hash, user.VerificationToken.IssuedAt, user.VerificationToken.ExpiresAt, user.MustVerifyEmail));

        // The email index's state, as EmailIndexGrain (keyed by the address's hash) stores it.
        Assert.Equal("u2", Read<UserEmailState>("2026-12-07").UserId);

        var orders = Read<UserOrdersState>("2026-12-07");
        Assert.Equal(["o2", "o1"], orders.OrderIds);
        Assert.Equal(("key-2", "o2"), (orders.Keys.Single().Key, orders.Keys.Single().OrderId));
        Assert.Equal(("o2", T1), (orders.Recent.Single().OrderId, orders.Recent.Single().PlacedAt));

        Assert.Equal(T1, Read<StorageProbeState>("2026-12-07").LastProbe);
    }

    private static void AssertAddress(StoredAddress address) =>
        Assert.Equal(("韩梅梅", "13900139000", "中山路 8 号", "杭州", "浙江省", "310000"),
            (address.Name, address.Phone, address.Line1, address.City, address.Province, address.PostalCode));
}
