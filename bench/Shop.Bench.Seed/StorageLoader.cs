using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Shop.Grains.Orders;
using Shop.Grains.Orders.ReadModel;
using Shop.Grains.Users;
using Shop.Silo.Persistence;

namespace Shop.Bench.Seed;

/// <summary>
/// Writes grain state straight into the shop's PostgreSQL grain storage, as the silos' Orleans
/// ADO.NET provider would have written it: a silo of its own (in a cluster of its own) carries the
/// provider, whose binary serializer, key mapping and hashes make each row, and rows go in by COPY
/// (a provider write per row manages ~2,000/s here; COPY ~30 times that). Samples are read back
/// through the provider to prove they are found. The catalog's registry pages are written through
/// the provider itself, and the admin order list's rows by COPY into shop_orders.
/// The shop must not be running meanwhile: its catalog grain would not see registry pages written
/// behind its back. On its next start the catalog rebuilds from the pages, as after any restart.
/// </summary>
internal sealed class StorageLoader : IAsyncDisposable
{
    /// <summary>CatalogPageGrain.Capacity (internal to the grains): ids per registry page.</summary>
    private const int PageCapacity = 1000;

    private readonly IHost _host;
    private readonly NpgsqlDataSource _database;

    private StorageLoader(IHost host, NpgsqlDataSource database, string serviceId)
    {
        _host = host;
        _database = database;
        _serviceId = serviceId;
    }

    // Rows per COPY chunk: serialized in parallel, then streamed.
    private const int ChunkSize = 10_000;

    // The provider's own (private) mapping of a grain id to its key columns, so rows written by COPY
    // carry exactly the keys and hashes it reads by; every load reads samples back to prove it.
    private static readonly MethodInfo _grainKey = typeof(AdoNetGrainStorage).GetMethod("GrainIdAndExtensionAsString", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("This Orleans.Persistence.AdoNet has no GrainIdAndExtensionAsString; the loader needs updating.");

    private readonly string _serviceId;

    private IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Shop);

    private AdoNetGrainStorage _provider => (AdoNetGrainStorage)Storage;

    private IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<StorageLoader> Start(string connection, string serviceId, int siloPort, int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        // Logs go to stderr: stdout carries the one summary line a command prints.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            // Its own cluster id on loopback: it never joins the shop's cluster, but it writes under
            // the shop's service id, which is part of every stored row's key.
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: "bench-seed");
            silo.AddAdoNetGrainStorage(StorageNames.Shop, options => options.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = PostgresPersistence.Invariant;
                o.ConnectionString = connection;
                o.GrainStorageSerializer = PostgresPersistence.BinaryStateSerializer(serializer);
            }));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new StorageLoader(host, NpgsqlDataSource.Create(connection), serviceId);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Products' stored state, then their ids appended to the catalog's registry pages.</summary>
    public async Task<string> WriteProducts(IReadOnlyList<ProductRow> rows)
    {
        using var progress = new Progress("products into grain storage (COPY)", rows.Count);
        var type = Grains.GetGrain<IProductGrain>("x").GetGrainId().Type;
        await CopyStates(rows.Chunk(ChunkSize).Select(chunk => chunk.Select(p => (Func<StateRow>)(() => Row("product", GrainId.Create(type, p.Id), new ProductState
        {
            Details = new StoredProductDetails(p.Name, p.Description, p.Price, p.Category, p.Brand, p.Images, p.Attributes),
            Available = p.Stock,
            Rating = p.Rating,
            Sold = p.Sold,
            CreatedAt = p.CreatedAt,
            UpdatedAt = p.CreatedAt,
        }))).ToList()), progress, rows => progress.Add(rows.Length));
        var summary = progress.Finish();
        await Verify<ProductState>("product", GrainId.Create(type, rows[0].Id), s => s.Details?.Name == rows[0].Name);
        await Verify<ProductState>("product", GrainId.Create(type, rows[^1].Id), s => s.Details?.Name == rows[^1].Name);
        await Register(rows.Select(r => r.Id).ToList());
        return summary;
    }

    /// <summary>Appends ids to the registry as <c>CatalogGrain.AddToRegistry</c> does: the last page first, new pages of 1,000 after it.</summary>
    private async Task Register(IReadOnlyList<string> ids)
    {
        var catalogId = Grains.GetGrain<ICatalogGrain>(0).GetGrainId();
        var catalog = await Read<CatalogState>("catalog", catalogId);
        var pages = Math.Max(catalog.State!.Pages, 1);
        var rest = ids;
        while (rest.Count > 0)
        {
            var pageId = Grains.GetGrain<ICatalogPageGrain>(pages - 1).GetGrainId();
            var page = await Read<CatalogPageState>("catalog-page", pageId);
            var taken = rest.Take(PageCapacity - page.State!.ProductIds.Count).ToList();
            if (taken.Count > 0)
            {
                page.State = page.State with { ProductIds = page.State.ProductIds.AddRange(taken) };
                await Storage.WriteStateAsync("catalog-page", pageId, page);
            }

            rest = rest.Skip(taken.Count).ToList();
            if (rest.Count > 0)
            {
                pages++;
            }
        }

        // Claimed, so an API node started with SEED_DEMO_DATA never adds the demo catalog to it.
        catalog.State = catalog.State with { Pages = pages, SeedingClaimed = true };
        await Storage.WriteStateAsync("catalog", catalogId, catalog);
        Console.Error.WriteLine($"catalog registry: {pages} pages");
    }

    /// <summary>Accounts (user + email index, as registration stores them) and, for the first shoppers, a cart of five lines.</summary>
    public async Task<string> WriteUsers(IReadOnlyList<UserRow> users, string passwordHash, int shoppers, IReadOnlyList<string> pool)
    {
        using var progress = new Progress("accounts (+ carts) into grain storage (COPY)", users.Count);
        var userType = Grains.GetGrain<IUserGrain>("x").GetGrainId().Type;
        var emailType = Grains.GetGrain<IEmailIndexGrain>("x").GetGrainId().Type;
        var cartType = Grains.GetGrain<ICartGrain>("x").GetGrainId().Type;
        IEnumerable<Func<StateRow>> RowsOf(int i)
        {
            var u = users[i];
            yield return () => Row("user", GrainId.Create(userType, u.Id), new UserState
            {
                Profile = new StoredProfile(u.Id, u.Email, u.Name, Roles.Customer, Phone: null, DefaultAddress: null, Languages.Chinese, u.CreatedAt),
                PasswordHash = passwordHash,
            });
            yield return () => Row("email", GrainId.Create(emailType, EmailIndex.KeyOf(u.Email)), new UserEmailState { UserId = u.Id });
            if (i < shoppers)
            {
                var lines = DataFiles.CartLinesOf(i, pool).Select(p => new StoredCartLine(p, 1)).ToImmutableList();
                yield return () => Row("cart", GrainId.Create(cartType, u.Id), new CartState { Lines = lines });
            }
        }

        await CopyStates(Enumerable.Range(0, users.Count).Chunk(ChunkSize).Select(chunk => chunk.SelectMany(RowsOf).ToList()), progress,
            rows => progress.Add(rows.Count(r => r.StateName == "user")));
        var summary = progress.Finish();
        await Verify<UserState>("user", GrainId.Create(userType, users[^1].Id), s => s.Profile?.Email == users[^1].Email);
        await Verify<UserEmailState>("email", GrainId.Create(emailType, EmailIndex.KeyOf(users[0].Email)), s => s.UserId == users[0].Id);
        if (shoppers > 0)
        {
            await Verify<CartState>("cart", GrainId.Create(cartType, users[0].Id), s => s.Lines.Count == 5);
        }

        return summary;
    }

    /// <summary>Orders' stored state and, alongside, their read-model rows, both by COPY.</summary>
    public async Task<string> WriteOrders(IEnumerable<OrderGenerator.Generated> orders, int count)
    {
        using var progress = new Progress("orders into grain storage + shop_orders (COPY)", count);
        var type = Grains.GetGrain<IOrderGrain>("x").GetGrainId().Type;
        await using var connection = await _database.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY shop_orders (order_id, number, user_id, email, status, total, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)");
        await using var linesConnection = await _database.OpenConnectionAsync();
        await using var lines = await linesConnection.BeginBinaryImportAsync(
            "COPY shop_order_lines (order_id, line_no, product_id, name, quantity, amount, created_at, status) FROM STDIN (FORMAT BINARY)");
        string? first = null, last = null;
        var chunks = orders.Chunk(ChunkSize).Select(chunk =>
        {
            first ??= chunk[0].Row.OrderId;
            last = chunk[^1].Row.OrderId;
            foreach (var o in chunk)
            {
                // Written while the state rows of the same chunk are serialized: the two COPYs run side by side.
                WriteRow(import, o.Row);
                WriteLines(lines, o.Row);
            }

            return chunk.Select(o => (Func<StateRow>)(() => Row("order", GrainId.Create(type, o.Row.OrderId), o.State))).ToList();
        });
        await CopyStates(chunks, progress, rows => progress.Add(rows.Length));
        await import.CompleteAsync();
        await lines.CompleteAsync();
        var summary = progress.Finish();
        // As autovacuum leaves a table a year of orders went into: statistics, and the visibility
        // map that lets the admin list count from its indexes alone.
        foreach (var table in new[] { "shop_orders", "shop_order_lines", "OrleansStorage" })
        {
            await using var vacuum = _database.CreateCommand($"VACUUM (ANALYZE) {table}");
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }

        await Verify<OrderState>("order", GrainId.Create(type, first!), s => s.Order?.Id == first);
        await Verify<OrderState>("order", GrainId.Create(type, last!), s => s.Order?.Id == last);
        return summary;
    }

    private static void WriteRow(NpgsqlBinaryImporter import, OrderRow row)
    {
        import.StartRow();
        import.Write(row.OrderId, NpgsqlDbType.Varchar);
        import.Write(row.Number, NpgsqlDbType.Varchar);
        import.Write(row.UserId, NpgsqlDbType.Varchar);
        import.Write(row.Email, NpgsqlDbType.Varchar);
        import.Write((short)row.Status, NpgsqlDbType.Smallint);
        import.Write(row.Total, NpgsqlDbType.Bigint);
        import.Write(row.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        import.Write(row.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        import.Write(row.Version, NpgsqlDbType.Integer);
    }

    private static void WriteLines(NpgsqlBinaryImporter import, OrderRow row)
    {
        for (var i = 0; i < row.Lines.Count; i++)
        {
            var line = row.Lines[i];
            import.StartRow();
            import.Write(row.OrderId, NpgsqlDbType.Varchar);
            import.Write((short)i, NpgsqlDbType.Smallint);
            import.Write(line.ProductId, NpgsqlDbType.Varchar);
            import.Write(line.Name, NpgsqlDbType.Varchar);
            import.Write(line.Quantity, NpgsqlDbType.Integer);
            import.Write(line.Amount, NpgsqlDbType.Bigint);
            import.Write(row.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            import.Write((short)row.Status, NpgsqlDbType.Smallint);
        }
    }

    /// <summary>One OrleansStorage row, with the key columns and hashes the ADO.NET provider computes for it.</summary>
    private sealed record StateRow(string StateName, int IdHash, long N0, long N1, int TypeHash, string? Extension, byte[] Payload);

    private StateRow Row<T>(string stateName, GrainId id, T state)
    {
        var key = _grainKey.Invoke(null, [id])!;
        var keyType = key.GetType();
        var hashBytes = (byte[])keyType.GetMethod("GetHashBytes")!.Invoke(key, null)!;
        var grainState = new GrainState<T>(state);
        var idHash = _provider.HashPicker.PickHasher(_serviceId, StorageNames.Shop, stateName, id, grainState)!.Hash(hashBytes);
        var typeHash = _provider.HashPicker.PickHasher(_serviceId, StorageNames.Shop, stateName, id, grainState)!.Hash(Encoding.UTF8.GetBytes(stateName));
        return new StateRow(stateName, idHash, (long)keyType.GetProperty("N0Key")!.GetValue(key)!, (long)keyType.GetProperty("N1Key")!.GetValue(key)!,
            typeHash, (string?)keyType.GetProperty("StringKey")!.GetValue(key), _provider.Serializer.Serialize(state).ToArray());
    }

    /// <summary>
    /// COPY into OrleansStorage, a chunk at a time: each chunk's rows are computed (serialized and
    /// hashed) on every core, then streamed. Version 1, as after a grain's first write.
    /// </summary>
    private async Task CopyStates(IEnumerable<List<Func<StateRow>>> chunks, Progress progress, Action<StateRow[]> copied)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version) FROM STDIN (FORMAT BINARY)");
        var now = DateTime.UtcNow;
        foreach (var chunk in chunks)
        {
            var rows = new StateRow[chunk.Count];
            Parallel.For(0, chunk.Count, i => rows[i] = chunk[i]());
            foreach (var r in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(r.IdHash, NpgsqlDbType.Integer);
                await import.WriteAsync(r.N0, NpgsqlDbType.Bigint);
                await import.WriteAsync(r.N1, NpgsqlDbType.Bigint);
                await import.WriteAsync(r.TypeHash, NpgsqlDbType.Integer);
                await import.WriteAsync(r.StateName, NpgsqlDbType.Varchar);
                if (r.Extension is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(r.Extension, NpgsqlDbType.Varchar);
                }

                await import.WriteAsync(_serviceId, NpgsqlDbType.Varchar);
                await import.WriteAsync(r.Payload, NpgsqlDbType.Bytea);
                await import.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(1, NpgsqlDbType.Integer);
            }

            copied(rows);
        }

        await import.CompleteAsync();
    }

    /// <summary>Reads a row back through the provider, as a grain would: a key or hash computed differently would not be found.</summary>
    private async Task Verify<T>(string stateName, GrainId id, Func<T, bool> check) where T : new()
    {
        var state = await Read<T>(stateName, id);
        if (!state.RecordExists || !check(state.State!))
        {
            throw new InvalidOperationException(
                $"The {stateName} state of {id} written by COPY is not what the ADO.NET provider reads back; the provider's key or hash scheme differs from this loader's.");
        }
    }

    private async Task<GrainState<T>> Read<T>(string stateName, GrainId id) where T : new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, id, state);
        return state;
    }
}
