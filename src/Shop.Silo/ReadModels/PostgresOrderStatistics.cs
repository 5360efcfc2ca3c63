using Npgsql;
using NpgsqlTypes;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Silo.ReadModels;

/// <summary>
/// The dashboard's numbers from <c>shop_orders</c> and <c>shop_order_lines</c> (step 0006): days and
/// best sellers are index-only scans of the range's covering index, counts by status of the status index.
/// </summary>
public sealed class PostgresOrderStatistics(NpgsqlDataSource database) : IOrderStatistics
{
    private static readonly short[] Revenue = [.. SalesRules.RevenueStatuses.Select(s => (short)s)];

    public async Task<IReadOnlyList<DailySales>> Daily(DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (from, to) = SalesRules.Range(first, last, zone);
        await using var command = database.CreateCommand("""
            SELECT (created_at AT TIME ZONE $3)::date AS day, count(*), coalesce(sum(total) FILTER (WHERE status = ANY($4)), 0)::bigint
            FROM shop_orders WHERE created_at >= $1 AND created_at < $2
            GROUP BY day
            """);
        AddRange(command, from, to);
        command.Parameters.Add(new() { Value = zone.Id });
        command.Parameters.Add(new() { Value = Revenue });
        var found = new List<DailySales>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new DailySales(reader.GetFieldValue<DateOnly>(0), (int)reader.GetInt64(1), reader.GetInt64(2)));
        }

        return SalesRules.EveryDay(first, last, found);
    }

    public async Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatus(CancellationToken cancellationToken = default)
    {
        // A count per status, each an index-only range of the (status, created_at) index: a plain
        // GROUP BY would read the whole table.
        await using var command = database.CreateCommand("""
            SELECT s, (SELECT count(*) FROM shop_orders WHERE status = s) FROM unnest($1::smallint[]) AS s
            """);
        command.Parameters.Add(new() { Value = Enum.GetValues<OrderStatus>().Select(s => (short)s).ToArray() });
        var counts = new Dictionary<OrderStatus, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetInt64(1) > 0)
            {
                counts[(OrderStatus)reader.GetInt16(0)] = (int)reader.GetInt64(1);
            }
        }

        return counts;
    }

    public async Task<IReadOnlyList<ProductSales>> TopProducts(
        DateTimeOffset from, DateTimeOffset to, ProductSalesRanking by, int take, CancellationToken cancellationToken = default)
    {
        var ranking = by == ProductSalesRanking.Units ? "units DESC, revenue DESC" : "revenue DESC, units DESC";
        await using var command = database.CreateCommand($"""
            SELECT product_id, min(name COLLATE "C"), sum(quantity) AS units, sum(amount)::bigint AS revenue
            FROM shop_order_lines
            WHERE created_at >= $1 AND created_at < $2 AND status = ANY($3)
            GROUP BY product_id
            ORDER BY {ranking}, product_id COLLATE "C"
            LIMIT $4
            """);
        AddRange(command, from, to);
        command.Parameters.Add(new() { Value = Revenue });
        command.Parameters.Add(new() { Value = take });
        var top = new List<ProductSales>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new ProductSales(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return top;
    }

    private static void AddRange(NpgsqlCommand command, DateTimeOffset from, DateTimeOffset to)
    {
        command.Parameters.Add(new() { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }
}
