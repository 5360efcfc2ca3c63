using System.Globalization;
using Npgsql;
using Shop.Bench.Seed;

// The benchmark's data generator. Every command prints a progress line on stderr and, on stdout,
// one summary line ("what: N in S s (R/s)") that bench/scale.sh puts into its report.
const string Usage = """
    Shop.Bench.Seed <command> [--option value ...]

      generate  --out DIR --products N --users M [--seed S] [--now UNIX_MS]
                products.tsv (a deterministic catalog), users.tsv (customers) and pool.txt (the
                in-stock products carts are filled from) in DIR
      tokens    --users FILE --secret JWT_SECRET --out FILE [--count N] [--role customer]
                a bearer token per account (the first column of FILE is the user id)
      import-file --data DIR --out FILE.jsonl [--from A] [--count N]
                products as JSON lines, for `Shop.Silo import FILE`
      grains-products  --data DIR [--from A] [--count N] [--parallel P]
                creates products through IProductGrain.Create on a running shop (an Orleans client,
                configured like an API node by STORAGE_PROVIDER, GATEWAY_PORT, POSTGRES_CONNECTION ...)
      grains-shoppers  --data DIR --count N --out FILE [--parallel P]
                registers the first N customers through IEmailIndexGrain.Register, fills their carts
                (5 lines) and writes their user ids to FILE
      grains-carts     --data DIR --count N [--lines L] [--parallel P]
                N more carts of L lines (default 5), as many shoppers would fill them
      storage   --connection C --data DIR [--from A] [--count N] [--users M] [--shoppers S] [--orders K]
                [--service-id shop] [--silo-port 6391 --gateway-port 6392]
                writes products (and their catalog registry pages), accounts, the shoppers' carts and
                K orders (with their shop_orders and shop_order_lines rows) straight into the shop's PostgreSQL storage;
                the shop must be stopped
      baseline  --connection C --data DIR --schema FILE [--from A] [--count N] [--users M] [--shoppers S]
                the same products, accounts and carts into the stateless baseline's tables
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var options = Options.Parse(args.Skip(1));
// Shoppers log in with this password; hashed once, at the cost the benchmark runs with.
var passwordHash = BCrypt.Net.BCrypt.HashPassword("bench-password", 4);

try
{
    switch (args[0])
    {
        case "generate":
        {
            var dir = options.Required("out");
            var now = options.Now();
            var seed = options.Int("seed", 20261201);
            DataFiles.Write(Path.Combine(dir, "products.tsv"), Generator.Products(options.Int("products", 100_000), seed, now).Select(p => p.ToTsv()));
            DataFiles.Write(Path.Combine(dir, "users.tsv"), Generator.Users(options.Int("users", 20_000), seed, now).Select(u => u.ToTsv()));
            var pool = DataFiles.CartPool(Path.Combine(dir, "products.tsv"));
            DataFiles.Write(Path.Combine(dir, "pool.txt"), pool);
            File.WriteAllText(Path.Combine(dir, "now.txt"), now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(dir, "seed.txt"), seed.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"generated {options.Int("products", 100_000):N0} products, {options.Int("users", 20_000):N0} customers, a cart pool of {pool.Count}");
            break;
        }

        case "tokens":
        {
            var now = DateTimeOffset.UtcNow;
            var ids = DataFiles.ReadLines(options.Required("users")).Select(l => l.Split('\t')[0]).Take(options.Int("count", int.MaxValue));
            var role = options.Get("role") ?? "customer";
            var secret = options.Required("secret");
            DataFiles.Write(options.Required("out"), ids.Select(id => Tokens.Issue(secret, id, role, 0, now, TimeSpan.FromDays(1))));
            break;
        }

        case "import-file":
        {
            // JSON lines for Shop.Silo import (the fields of a product create).
            var data = new DataDir(options.Required("data"));
            var rows = DataFiles.ReadProducts(data.Products, options.Int("from", 0), options.Int("count", int.MaxValue));
            DataFiles.Write(options.Required("out"), rows.Select(p => System.Text.Json.JsonSerializer.Serialize(new
            {
                name = p.Name,
                description = p.Description,
                price = p.Price,
                category = p.Category,
                brand = p.Brand,
                stock = p.Stock,
            })));
            break;
        }

        case "grains-products":
        {
            var data = new DataDir(options.Required("data"));
            var rows = DataFiles.ReadProducts(data.Products, options.Int("from", 0), options.Int("count", int.MaxValue)).ToList();
            await using var loader = await GrainLoader.Connect();
            Console.WriteLine(await loader.CreateProducts(rows, rows.Count, options.Int("parallel", 32)));
            break;
        }

        case "grains-shoppers":
        {
            var data = new DataDir(options.Required("data"));
            var users = DataFiles.ReadUsers(data.Users, options.Int("count", 2000));
            await using var loader = await GrainLoader.Connect();
            var ids = await loader.CreateShoppers(users, passwordHash, DataFiles.ReadLines(data.Pool), options.Int("parallel", 32));
            DataFiles.Write(options.Required("out"), ids);
            Console.WriteLine($"{ids.Count:N0} shoppers registered, each with a cart of 5 lines");
            break;
        }

        case "grains-carts":
        {
            var data = new DataDir(options.Required("data"));
            await using var loader = await GrainLoader.Connect();
            Console.WriteLine(await loader.FillCarts(options.Int("count", 100_000), options.Int("lines", 5), DataFiles.ReadLines(data.Pool),
                data.Seed, options.Int("parallel", 64)));
            break;
        }

        case "storage":
        {
            var data = new DataDir(options.Required("data"));
            var connection = options.Required("connection");
            await using var loader = await StorageLoader.Start(connection, options.Get("service-id") ?? "shop",
                options.Int("silo-port", 6391), options.Int("gateway-port", 6392));
            var count = options.Int("count", 0);
            if (count > 0)
            {
                var rows = DataFiles.ReadProducts(data.Products, options.Int("from", 0), count).ToList();
                Console.WriteLine(await loader.WriteProducts(rows));
            }

            var users = DataFiles.ReadUsers(data.Users, options.Int("users", 0));
            if (users.Count > 0)
            {
                Console.WriteLine(await loader.WriteUsers(users, passwordHash, options.Int("shoppers", 0), DataFiles.ReadLines(data.Pool)));
            }

            var orders = options.Int("orders", 0);
            if (orders > 0)
            {
                var customers = users.Count > 0 ? users : throw new InvalidOperationException("--orders needs --users (the customers).");
                var products = DataFiles.ReadProducts(data.Products, 0, 10_000).ToList();
                Console.WriteLine(await loader.WriteOrders(OrderGenerator.Generate(orders, data.Seed, data.Now, products, customers), orders));
            }

            break;
        }

        case "baseline":
        {
            var data = new DataDir(options.Required("data"));
            await using var database = NpgsqlDataSource.Create(options.Required("connection"));
            await BaselineLoader.ApplySchema(database, options.Required("schema"));
            var count = options.Int("count", 0);
            if (count > 0)
            {
                Console.WriteLine(await BaselineLoader.Products(database, DataFiles.ReadProducts(data.Products, options.Int("from", 0), count).ToList()));
            }

            var users = DataFiles.ReadUsers(data.Users, options.Int("users", 0));
            if (users.Count > 0)
            {
                Console.WriteLine(await BaselineLoader.Users(database, users, passwordHash, options.Int("shoppers", 0), DataFiles.ReadLines(data.Pool)));
            }

            break;
        }

        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.\n\n{Usage}");
            return 2;
    }
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or NpgsqlException or IOException)
{
    Console.Error.WriteLine($"\nseed {args[0]}: {e.Message}");
    return 1;
}

return 0;

namespace Shop.Bench.Seed
{
    /// <summary>--name value pairs.</summary>
    internal sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>();
            string? name = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    name = arg[2..];
                    values[name] = "true";
                }
                else if (name is not null)
                {
                    values[name] = arg;
                    name = null;
                }
                else
                {
                    throw new ArgumentException($"Unexpected argument '{arg}'.");
                }
            }

            return new Options(values);
        }

        public string? Get(string name) => values.GetValueOrDefault(name);

        public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

        public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        /// <summary>--now (unix ms) or the current minute: every command of one run uses the generator's.</summary>
        public DateTimeOffset Now() => Get("now") is { } v
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(v, CultureInfo.InvariantCulture))
            : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60);
    }

    /// <summary>The files <c>generate</c> wrote.</summary>
    internal sealed class DataDir(string path)
    {
        public string Products => Path.Combine(path, "products.tsv");

        public string Users => Path.Combine(path, "users.tsv");

        public string Pool => Path.Combine(path, "pool.txt");

        public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(File.ReadAllText(Path.Combine(path, "now.txt")), CultureInfo.InvariantCulture));

        public int Seed => int.Parse(File.ReadAllText(Path.Combine(path, "seed.txt")), CultureInfo.InvariantCulture);
    }
}
