using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Bench.Seed;

/// <summary>
/// A year of orders, as their grains store them and as the admin list's read model holds them.
/// Statuses follow the age: old orders are delivered, cancelled or refunded; the last day's are paid
/// or shipping; the last minutes' wait for payment. Deterministic for a seed and date.
/// </summary>
internal static class OrderGenerator
{
    private static readonly string[] Roads = ["人民", "解放", "中山", "建设", "和平", "长江", "黄河", "南京", "延安", "淮海"];

    public sealed record Generated(OrderState State, OrderRow Row);

    /// <param name="products">Products orders may contain (the first 10,000: present at every size measured).</param>
    /// <param name="customers">Who orders.</param>
    public static IEnumerable<Generated> Generate(int count, int seed, DateTimeOffset now, IReadOnlyList<ProductRow> products, IReadOnlyList<UserRow> customers)
    {
        var random = new Random(seed + 2);
        for (var k = 0; k < count; k++)
        {
            // Newer orders are more frequent (a growing shop): age in days is skewed towards 0.
            var age = TimeSpan.FromDays(365 * Math.Pow(random.NextDouble(), 1.6)) + TimeSpan.FromMinutes(random.Next(1, 30));
            var createdAt = now - age;
            var id = Ids.V7(createdAt, random);
            var customer = customers[random.Next(customers.Count)];
            var lines = Enumerable.Range(0, 1 + (random.NextDouble() < 0.3 ? random.Next(1, 4) : 0))
                .Select(_ => products[random.Next(products.Count)])
                .DistinctBy(p => p.Id)
                .Select(p => new StoredOrderLine(p.Id, p.Name, p.Price, 1 + (random.NextDouble() < 0.2 ? random.Next(1, 3) : 0)))
                .ToList();
            var subtotal = lines.Sum(l => l.LineTotal);
            var shipping = subtotal >= 9900 ? 0 : 1000;
            var (city, province) = CatalogData.Cities[random.Next(CatalogData.Cities.Length)];
            var address = new StoredAddress(customer.Name, $"13{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}",
                $"{Roads[random.Next(Roads.Length)]}{new[] { "路", "大道", "北路", "南街" }[random.Next(4)]} {random.Next(1, 999)} 号",
                city, province, $"{random.Next(100_000, 999_999)}");

            var history = new List<StoredStatusChange> { new(OrderStatus.PendingPayment, createdAt) };
            StoredPayment? payment = null;
            StoredShipment? shipment = null;
            var roll = random.NextDouble();
            var paidAt = createdAt + TimeSpan.FromSeconds(random.Next(20, 600));
            var shippedAt = paidAt + TimeSpan.FromHours(random.Next(2, 30));
            var deliveredAt = shippedAt + TimeSpan.FromHours(random.Next(20, 96));

            void Pay()
            {
                payment = new StoredPayment("pay_" + Ids.V7(paidAt, random), "card", "4242", paidAt);
                history.Add(new(OrderStatus.Paid, paidAt));
            }

            void Ship()
            {
                shipment = new StoredShipment(CatalogData.Carriers[random.Next(CatalogData.Carriers.Length)], $"SF{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}", shippedAt);
                history.Add(new(OrderStatus.Shipped, shippedAt));
            }

            if (roll < 0.07)
            {
                // Not paid within the deadline: cancelled by the reminder (or the last minutes' orders, still waiting).
                if (age > TimeSpan.FromMinutes(30))
                {
                    history.Add(new(OrderStatus.Cancelled, createdAt + TimeSpan.FromMinutes(30)));
                }
            }
            else if (roll < 0.11 && paidAt < now)
            {
                Pay();
                var refundedAt = paidAt + TimeSpan.FromHours(random.Next(1, 48));
                if (refundedAt < now)
                {
                    history.Add(new(OrderStatus.Refunded, refundedAt));
                }
            }
            else if (paidAt < now)
            {
                Pay();
                if (shippedAt < now)
                {
                    Ship();
                    if (deliveredAt < now)
                    {
                        history.Add(new(OrderStatus.Delivered, deliveredAt));
                    }
                }
            }

            var status = history[^1].Status;
            // A deadline a day after the run's start, so that no order waiting for payment expires
            // (and writes) while the benchmark reads it.
            var deadline = status == OrderStatus.PendingPayment ? now + TimeSpan.FromDays(1) : createdAt + TimeSpan.FromMinutes(30);
            var order = new StoredOrder(id, customer.Id, status, lines, subtotal, shipping, address, Note: null, payment, shipment,
                history, createdAt, deadline);
            var state = new OrderState { Order = order, ProjectedVersion = history.Count };
            var row = new OrderRow(id, OrderRow.NumberOf(id), customer.Id, customer.Email, status, order.Total, createdAt, history[^1].At, history.Count,
                [.. lines.Select(l => new OrderRowLine(l.ProductId, l.Name, l.Quantity, l.LineTotal))]);
            yield return new Generated(state, row);
        }
    }
}
