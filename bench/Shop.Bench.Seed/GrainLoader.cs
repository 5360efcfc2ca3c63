using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shop.Grains.Carts;
using Shop.Grains.Catalog;
using Shop.Grains.Users;
using Shop.Silo.Hosting;

namespace Shop.Bench.Seed;

/// <summary>
/// Loads data through the grains of a running shop, joined as an Orleans client with the shop's own
/// settings (STORAGE_PROVIDER, GATEWAY_PORT, POSTGRES_CONNECTION, CLUSTER_ID, SERVICE_ID from the
/// environment, as <c>AddShopClient</c> reads them). Every write is a real grain call: products
/// through <see cref="IProductGrain.Create"/> (which registers them in the catalog), shoppers through
/// <see cref="IEmailIndexGrain.Register"/>, cart lines through <see cref="ICartGrain.Add"/>.
/// </summary>
internal sealed class GrainLoader : IAsyncDisposable
{
    private readonly IHost _host;

    private GrainLoader(IHost host) => _host = host;

    private IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<GrainLoader> Connect()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        // Logs go to stderr: stdout carries the one summary line a command prints.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["DASHBOARD_ENABLED"] = "false";
        builder.UseOrleansClient(client => client.AddShopClient(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new GrainLoader(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public async Task<string> CreateProducts(IEnumerable<ProductRow> rows, int total, int parallel)
    {
        using var progress = new Progress("products through IProductGrain.Create", total);
        var failures = new Failures();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (p, _) =>
        {
            var details = new ProductDetails(p.Name, p.Description, p.Price, p.Category, p.Brand, p.Images, p.Attributes);
            var created = await failures.Try(() => Grains.GetGrain<IProductGrain>(p.Id).Create(new NewProduct(details, p.Stock, p.Rating, p.Sold, p.CreatedAt)));
            if (created is { IsSuccess: false } && created.Error!.Code != Shop.Grains.Common.ErrorCodes.ProductExists)
            {
                failures.Add($"{p.Id}: {created.Error.Detail}");
            }

            progress.Add();
        });
        failures.ThrowIfAny();
        return progress.Finish();
    }

    /// <summary>Registers shoppers (as the register endpoint does, with a precomputed bcrypt hash) and fills each cart with five lines.</summary>
    public async Task<List<string>> CreateShoppers(IReadOnlyList<UserRow> users, string passwordHash, IReadOnlyList<string> pool, int parallel)
    {
        var ids = new string[users.Count];
        using var progress = new Progress("shoppers through IEmailIndexGrain.Register + 5 cart lines", users.Count);
        var failures = new Failures();
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var user = users[i];
            var email = Grains.EmailIndexOf(user.Email);
            var registered = await failures.Try(() => email.Register(new NewUser(user.Email, user.Name, passwordHash, Roles.Customer, Languages.Chinese)));
            var id = registered?.Value?.Id ?? await email.GetUserId(user.Email);
            if (id is null)
            {
                failures.Add($"{user.Email}: {registered?.Error?.Detail ?? "not registered"}");
                return;
            }

            ids[i] = id;
            await FillCart(id, DataFiles.CartLinesOf(i, pool), failures);
            progress.Add();
        });
        failures.ThrowIfAny();
        progress.Finish();
        return ids.ToList();
    }

    /// <summary>Carts of <paramref name="lines"/> lines for <paramref name="count"/> new cart keys, as many shoppers would fill them.</summary>
    public async Task<string> FillCarts(int count, int lines, IReadOnlyList<string> pool, int seed, int parallel)
    {
        var random = new Random(seed + 3);
        var keys = Enumerable.Range(0, count).Select(_ => Ids.V7(DateTimeOffset.UtcNow, random)).ToList();
        using var progress = new Progress($"carts of {lines} lines through ICartGrain.Add", count);
        var failures = new Failures();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            await FillCart(keys[i], Enumerable.Range(0, lines).Select(r => pool[(13 * i + r) % pool.Count]), failures);
            progress.Add();
        });
        failures.ThrowIfAny();
        return progress.Finish();
    }

    private async Task FillCart(string cartKey, IEnumerable<string> products, Failures failures)
    {
        var cart = Grains.GetGrain<ICartGrain>(cartKey);
        foreach (var product in products)
        {
            var added = await failures.Try(() => cart.Add(product, 1));
            if (added is { IsSuccess: false })
            {
                failures.Add($"cart {cartKey} + {product}: {added.Error!.Detail}");
            }
        }
    }
}

/// <summary>Collects what failed, so a load reports every problem at the end instead of stopping at the first.</summary>
internal sealed class Failures
{
    private readonly ConcurrentQueue<string> _all = new();

    public int Count => _all.Count;

    public void Add(string failure)
    {
        _all.Enqueue(failure);
        if (_all.Count <= 5)
        {
            Console.Error.WriteLine($"\nfailed: {failure}");
        }
    }

    public async Task<T?> Try<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            Add($"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    public void ThrowIfAny()
    {
        if (!_all.IsEmpty)
        {
            throw new InvalidOperationException($"{_all.Count} writes failed; the first: {_all.First()}");
        }
    }
}
