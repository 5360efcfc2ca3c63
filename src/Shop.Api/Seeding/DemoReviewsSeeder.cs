using System.Security.Cryptography;
using Shop.Api.Features.Auth;
using Shop.Api.Features.Reviews;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Reviews;
using Shop.Grains.Users;

namespace Shop.Api.Seeding;

/// <summary>
/// Demo reviews the way real ones come about: demo buyers put products in their carts, check out,
/// pay with the test card, and the orders are shipped and delivered; then each buyer reviews what
/// they bought through the product's reviews grain. Every rating the demo shop shows has reviews
/// behind it. The buyers' addresses end in .invalid and they have no phone, so nothing is sent.
/// </summary>
internal sealed class DemoReviewsSeeder(IGrainFactory grains, PasswordHasher hasher, ILogger<DemoReviewsSeeder> logger)
{
    public const int Buyers = 40;
    public const int MaxReviewsPerProduct = 6;
    private const int LinesPerOrder = 12;

    private static readonly Address DemoAddress = new("演示买家", "13800000000", "演示路 1 号", "上海", "上海市", "200000");

    public async Task<int> SeedAsync(IReadOnlyList<(string Id, NewProduct Product)> products, CancellationToken cancellationToken)
    {
        var random = new Random(20261207);
        // Who buys what, and what they will say of it, drawn here in order: the same demo shop every time.
        var purchases = new Dictionary<int, List<(string ProductId, ReviewDraft Draft)>>();
        foreach (var (id, product) in products.Where(p => p.Product.Stock > 0))
        {
            var reviewers = random.Next(0, MaxReviewsPerProduct + 1);
            foreach (var buyer in Enumerable.Range(0, Buyers).OrderBy(_ => random.Next()).Take(reviewers))
            {
                (purchases.TryGetValue(buyer, out var list) ? list : purchases[buyer] = []).Add((id, DemoReviewTexts.Draft(random)));
            }
        }

        // One hash for every buyer: nobody knows the password, and bcrypt runs once, not forty times.
        var passwordHash = await hasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)), cancellationToken);
        var written = 0;
        await Parallel.ForEachAsync(purchases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (purchase, _) =>
        {
            var (buyer, bought) = purchase;
            var name = DemoReviewTexts.BuyerNames[buyer % DemoReviewTexts.BuyerNames.Length];
            var registered = await grains.EmailIndexOf($"demo-buyer-{buyer + 1:00}@shop.invalid")
                .Register(new NewUser($"demo-buyer-{buyer + 1:00}@shop.invalid", name, passwordHash, Roles.Customer, Languages.Chinese));
            if (registered.Value is not { } user)
            {
                return;
            }

            foreach (var lines in bought.Chunk(LinesPerOrder))
            {
                if (await DeliveredOrder(user.Id, lines.Select(l => l.ProductId)) is not { } order)
                {
                    continue;
                }

                foreach (var (productId, draft) in lines.Where(l => order.Items.Any(i => i.ProductId == l.ProductId)))
                {
                    var review = await grains.Get<IProductReviewsGrain>(productId)
                        .Write(new ReviewAuthor(user.Id, ReviewsApi.DisplayName(name)), order.Id, draft);
                    if (review.IsSuccess)
                    {
                        Interlocked.Increment(ref written);
                    }
                }
            }
        });
        logger.LogInformation("Seeded {Count} demo reviews from {Buyers} demo buyers", written, purchases.Count);
        return written;
    }

    private async Task<OrderView?> DeliveredOrder(string userId, IEnumerable<string> productIds)
    {
        var cart = grains.Get<ICartGrain>(userId);
        foreach (var productId in productIds)
        {
            await cart.Add(productId, 1);
        }

        var placed = await grains.Get<IUserOrdersGrain>(userId).Checkout(DemoAddress, note: null, idempotencyKey: null);
        if (placed.Value is not { } result)
        {
            return null;
        }

        var order = grains.Get<IOrderGrain>(result.Order.Id);
        var paid = await order.PayByCard(new CardPayment(SimulatedCardGateway.ApprovedCard, Guid.NewGuid().ToString("N")));
        var shipped = paid.IsSuccess ? await order.Ship("顺丰速运", $"SF{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}") : paid;
        var delivered = shipped.IsSuccess ? await order.Deliver() : shipped;
        return delivered.Value;
    }
}
