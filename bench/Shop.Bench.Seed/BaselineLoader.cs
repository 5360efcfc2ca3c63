using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Shop.Bench.Seed;

/// <summary>The same products, accounts and carts, into the stateless baseline's tables (bench/baseline/schema.sql), by COPY.</summary>
internal static class BaselineLoader
{
    public static async Task ApplySchema(NpgsqlDataSource database, string schemaPath)
    {
        await using var command = database.CreateCommand(await File.ReadAllTextAsync(schemaPath));
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> Products(NpgsqlDataSource database, IReadOnlyList<ProductRow> rows)
    {
        using var progress = new Progress("baseline products (COPY)", rows.Count);
        await using (var connection = await database.OpenConnectionAsync())
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY products (id, name, description, price, category, brand, images, attributes, stock, rating, sold, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(p.Id, NpgsqlDbType.Varchar);
                await import.WriteAsync(p.Name, NpgsqlDbType.Text);
                await import.WriteAsync(p.Description, NpgsqlDbType.Text);
                await import.WriteAsync(p.Price, NpgsqlDbType.Bigint);
                await import.WriteAsync(p.Category, NpgsqlDbType.Varchar);
                await import.WriteAsync(p.Brand, NpgsqlDbType.Text);
                await import.WriteAsync(p.Images.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(JsonSerializer.Serialize(p.Attributes), NpgsqlDbType.Jsonb);
                await import.WriteAsync(p.Stock, NpgsqlDbType.Integer);
                await import.WriteAsync(p.Rating, NpgsqlDbType.Double);
                await import.WriteAsync(p.Sold, NpgsqlDbType.Bigint);
                await import.WriteAsync(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                progress.Add();
            }

            await import.CompleteAsync();
        }

        var summary = progress.Finish();
        await Analyze(database);
        return summary;
    }

    public static async Task<string> Users(NpgsqlDataSource database, IReadOnlyList<UserRow> users, string passwordHash, int shoppers, IReadOnlyList<string> pool)
    {
        using var progress = new Progress("baseline accounts and carts (COPY)", users.Count);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using (var import = await connection.BeginBinaryImportAsync(
                "COPY users (id, email, name, password_hash, role, token_version, created_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var u in users)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(u.Id, NpgsqlDbType.Varchar);
                    await import.WriteAsync(u.Email, NpgsqlDbType.Varchar);
                    await import.WriteAsync(u.Name, NpgsqlDbType.Text);
                    await import.WriteAsync(passwordHash, NpgsqlDbType.Text);
                    await import.WriteAsync("customer", NpgsqlDbType.Varchar);
                    await import.WriteAsync(0, NpgsqlDbType.Integer);
                    await import.WriteAsync(u.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    progress.Add();
                }

                await import.CompleteAsync();
            }

            await using (var import = await connection.BeginBinaryImportAsync(
                "COPY cart_items (user_id, product_id, quantity, added_at) FROM STDIN (FORMAT BINARY)"))
            {
                var at = DateTime.UtcNow;
                for (var i = 0; i < Math.Min(shoppers, users.Count); i++)
                {
                    var r = 0;
                    foreach (var product in DataFiles.CartLinesOf(i, pool))
                    {
                        await import.StartRowAsync();
                        await import.WriteAsync(users[i].Id, NpgsqlDbType.Varchar);
                        await import.WriteAsync(product, NpgsqlDbType.Varchar);
                        await import.WriteAsync(1, NpgsqlDbType.Integer);
                        await import.WriteAsync(at.AddMilliseconds(r++), NpgsqlDbType.TimestampTz);
                    }
                }

                await import.CompleteAsync();
            }
        }

        var summary = progress.Finish();
        await Analyze(database);
        return summary;
    }

    /// <summary>As after autovacuum: statistics for the planner, and the visibility map that index-only scans need.</summary>
    private static async Task Analyze(NpgsqlDataSource database)
    {
        foreach (var table in new[] { "products", "users", "cart_items" })
        {
            await using var command = database.CreateCommand($"VACUUM ANALYZE {table}");
            await command.ExecuteNonQueryAsync();
        }
    }
}
