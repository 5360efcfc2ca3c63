using System.Text;
using Npgsql;
using NpgsqlTypes;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;

namespace Shop.Silo.ReadModels;

/// <summary>
/// The admin order list in PostgreSQL's <c>shop_orders</c> (migrations 0005 and 0008). An upsert keeps the
/// highest version; a page is a keyset query on one of the table's indexes (sort value, then id),
/// and its count stops at <see cref="OrderReadModels.MaxCount"/>, so any page costs about the same
/// at a million orders as at a hundred.
/// </summary>
public sealed class PostgresOrderReadModel(NpgsqlDataSource database) : IOrderReadModel
{
    private const string Columns = "order_id, number, user_id, email, status, total, created_at, updated_at, version";

    public async Task Upsert(OrderRow row, CancellationToken cancellationToken = default)
    {
        // One statement: the lines follow the row's status only when the row itself was written (a
        // later version), so a late write can turn neither back.
        await using var command = database.CreateCommand($"""
            WITH written AS (
                INSERT INTO shop_orders ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (order_id) DO UPDATE SET
                    email = EXCLUDED.email, status = EXCLUDED.status, total = EXCLUDED.total,
                    updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
                WHERE shop_orders.version < EXCLUDED.version
                RETURNING status)
            INSERT INTO shop_order_lines (order_id, line_no, product_id, name, quantity, amount, created_at, status)
            SELECT $1, line.no, line.product_id, line.name, line.quantity, line.amount, $7, written.status
            FROM written, unnest($10::smallint[], $11::varchar[], $12::varchar[], $13::integer[], $14::bigint[])
                AS line(no, product_id, name, quantity, amount)
            ON CONFLICT (order_id, line_no) DO UPDATE SET status = EXCLUDED.status
            WHERE shop_order_lines.status <> EXCLUDED.status
            """);
        command.Parameters.Add(new() { Value = row.OrderId });
        command.Parameters.Add(new() { Value = row.Number });
        command.Parameters.Add(new() { Value = row.UserId });
        command.Parameters.Add(new() { Value = row.Email });
        command.Parameters.Add(new() { Value = (short)row.Status });
        command.Parameters.Add(new() { Value = row.Total });
        command.Parameters.Add(new() { Value = row.CreatedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.UpdatedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = row.Version });
        command.Parameters.Add(new() { Value = Enumerable.Range(0, row.Lines.Count).Select(i => (short)i).ToArray() });
        command.Parameters.Add(new() { Value = row.Lines.Select(l => l.ProductId).ToArray() });
        command.Parameters.Add(new() { Value = row.Lines.Select(l => l.Name).ToArray() });
        command.Parameters.Add(new() { Value = row.Lines.Select(l => l.Quantity).ToArray() });
        command.Parameters.Add(new() { Value = row.Lines.Select(l => l.Amount).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OrderRowPage> Query(OrderRowQuery query, CancellationToken cancellationToken = default)
    {
        var sortColumn = query.SortBy == OrderSortField.Total ? "total" : "created_at";
        var direction = query.Descending ? "DESC" : "ASC";
        var filter = new StringBuilder("TRUE");
        var parameters = new List<NpgsqlParameter>();
        string Add(object value, NpgsqlDbType? type = null) => Bind(parameters, value, type);

        if (query.Status is { } status)
        {
            filter.Append($" AND status = {Add((short)status)}");
        }

        if (query.From is { } from)
        {
            filter.Append($" AND created_at >= {Add(from.UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }

        if (query.To is { } to)
        {
            filter.Append($" AND created_at < {Add(to.UtcDateTime, NpgsqlDbType.TimestampTz)}");
        }

        if (query.Email is { } email)
        {
            filter.Append($" AND email = {Add(email)}");
        }

        if (query.NumberPrefix is { } prefix)
        {
            // The prefix is letters and digits only (the API checks), so LIKE needs no escaping.
            filter.Append($" AND number LIKE {Add(prefix + "%")}");
        }

        var count = await Count(filter.ToString(), parameters, cancellationToken);
        var selection = new StringBuilder($" WHERE {filter}");
        var pageParameters = parameters.Select(p => p.Clone()).ToList();
        string AddToPage(object value, NpgsqlDbType? type = null) => Bind(pageParameters, value, type);

        if (query.Cursor is { } cursor)
        {
            var value = query.SortBy == OrderSortField.Total
                ? AddToPage(cursor.SortValue)
                : AddToPage(new DateTime(cursor.SortValue, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            selection.Append($" AND ({sortColumn}, order_id) {(query.Descending ? "<" : ">")} ({value}, {AddToPage(cursor.OrderId)})");
        }

        var order = $" ORDER BY {sortColumn} {direction}, order_id {direction}";
        var limit = $" LIMIT {AddToPage(query.Take + 1)}";
        if (query.Cursor is null && query.Skip > 0)
        {
            limit += $" OFFSET {AddToPage(query.Skip)}";
        }

        // A number search sorts and pages the ids in ix_shop_orders_number_cover alone (0008), then reads
        // only the page's rows: sorting the rows themselves read every match from the table.
        var page = query.NumberPrefix is null
            ? $"SELECT {Columns} FROM shop_orders{selection}{order}{limit}"
            : $"SELECT {Columns} FROM shop_orders WHERE order_id IN (SELECT order_id FROM shop_orders{selection}{order}{limit}){order}";

        await using var command = database.CreateCommand(page);
        command.Parameters.AddRange(pageParameters.ToArray());
        var rows = new List<OrderRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OrderRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    (OrderStatus)reader.GetInt16(4), reader.GetInt64(5),
                    new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
                    reader.GetInt32(8)));
            }
        }

        var more = rows.Count > query.Take;
        rows = rows.Take(query.Take).ToList();
        return new OrderRowPage(rows, more ? OrderCursor.After(rows[^1], query.SortBy) : null, count);
    }

    /// <summary>Adds a positional parameter and answers its placeholder ($1, $2, ...).</summary>
    private static string Bind(List<NpgsqlParameter> parameters, object value, NpgsqlDbType? type)
    {
        var parameter = new NpgsqlParameter { Value = value };
        if (type is { } t)
        {
            parameter.NpgsqlDbType = t;
        }

        parameters.Add(parameter);
        return "$" + parameters.Count;
    }

    private async Task<int> Count(string filter, List<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM (SELECT 1 FROM shop_orders WHERE {filter} LIMIT {OrderReadModels.MaxCount}) AS matching");
        command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
