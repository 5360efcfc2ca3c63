using System.Globalization;
using System.Text;

namespace Shop.Bench.Seed;

/// <summary>One generated product, as products.tsv holds it (prices in fen).</summary>
internal sealed record ProductRow(
    string Id, string Name, string Description, long Price, string Category, string Brand, string Variant,
    int Stock, double Rating, long Sold, DateTimeOffset CreatedAt)
{
    public IReadOnlyList<string> Images => Enumerable.Range(0, 3).Select(n => $"/api/media/products/{Id}/{n}.svg").ToList();

    public Dictionary<string, string> Attributes => new() { ["品牌 Brand"] = Brand, ["规格 Spec"] = Variant };

    public string ToTsv() => string.Join('\t', Id, Name, Description, Price.ToString(CultureInfo.InvariantCulture), Category, Brand, Variant,
        Stock.ToString(CultureInfo.InvariantCulture), Rating.ToString("0.0", CultureInfo.InvariantCulture),
        Sold.ToString(CultureInfo.InvariantCulture), CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public static ProductRow FromTsv(string line)
    {
        var f = line.Split('\t');
        return new ProductRow(f[0], f[1], f[2], long.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], f[6],
            int.Parse(f[7], CultureInfo.InvariantCulture), double.Parse(f[8], CultureInfo.InvariantCulture),
            long.Parse(f[9], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[10], CultureInfo.InvariantCulture)));
    }
}

/// <summary>One generated customer, as users.tsv holds it.</summary>
internal sealed record UserRow(string Id, string Email, string Name, DateTimeOffset CreatedAt)
{
    public string ToTsv() => string.Join('\t', Id, Email, Name, CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public static UserRow FromTsv(string line)
    {
        var f = line.Split('\t');
        return new UserRow(f[0], f[1], f[2], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[3], CultureInfo.InvariantCulture)));
    }
}

internal static class DataFiles
{
    public static IEnumerable<ProductRow> ReadProducts(string path, int from = 0, int count = int.MaxValue) =>
        File.ReadLines(path).Skip(from).Take(count).Select(ProductRow.FromTsv);

    public static List<UserRow> ReadUsers(string path, int count = int.MaxValue) =>
        File.ReadLines(path).Take(count).Select(UserRow.FromTsv).ToList();

    public static List<string> ReadLines(string path) => File.ReadLines(path).Where(l => l.Length > 0).ToList();

    public static void Write(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
    }

    /// <summary>
    /// The products carts are filled from: in stock with plenty to spare, among the first 10,000
    /// (present at every catalog size the benchmark measures). Shopper j's five lines are
    /// pool[(7j + r) mod |pool|], r = 0..4; bench/scale.lua adds to the same lines.
    /// </summary>
    public static List<string> CartPool(string productsPath, int size = 200) =>
        ReadProducts(productsPath, 0, 10_000).Where(p => p.Stock >= 1000).Take(size).Select(p => p.Id).ToList();

    public static IEnumerable<string> CartLinesOf(int shopper, IReadOnlyList<string> pool, int lines = 5) =>
        Enumerable.Range(0, lines).Select(r => pool[(7 * shopper + r) % pool.Count]);
}

/// <summary>Ids as the shop makes them (UUID v7, 32 lower-case hex digits), but from a seeded random source.</summary>
internal static class Ids
{
    public static string V7(DateTimeOffset at, Random random)
    {
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (40 - 8 * i));
        }

        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return Convert.ToHexStringLower(b);
    }
}

/// <summary>The deterministic catalog and customers: the same seed and date give the same rows, and a shorter run is a prefix of a longer one.</summary>
internal static class Generator
{
    public static IEnumerable<ProductRow> Products(int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var names = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var category = CatalogData.Categories[i % CatalogData.Categories.Length];
            var template = category.Templates[random.Next(category.Templates.Length)];
            var brand = template.Brands[random.Next(template.Brands.Length)];
            var variant = category.Variants[random.Next(category.Variants.Length)];
            string name;
            do
            {
                var model = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}-{random.Next(100, 10000)}";
                name = template.Name.Replace("{b}", brand).Replace("{v}", variant) + " " + model;
            }
            while (!names.Add(name));

            // Prices end in 9 yuan, as shops price them.
            var price = (template.MinPrice + (long)(random.NextDouble() * (template.MaxPrice - template.MinPrice))) / 1000 * 1000 + 900;
            var stock = i % 29 == 7 ? 0 : random.Next(20, 5000);
            var rating = Math.Round(3.5 + random.NextDouble() * 1.5, 1);
            var sold = (long)(Math.Pow(random.NextDouble(), 3) * 50_000);
            var createdAt = now - TimeSpan.FromMinutes(random.Next(60, 2 * 365 * 24 * 60));
            var id = Ids.V7(createdAt, random);
            var description = $"{name}：{template.Pitch}。{brand} 官方正品，全国联保，7 天无理由退换，满 ¥99 包邮。";
            yield return new ProductRow(id, name, description, price, category.Id, brand, variant, stock, rating, sold, createdAt);
        }
    }

    public static IEnumerable<UserRow> Users(int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed + 1);
        for (var i = 0; i < count; i++)
        {
            var createdAt = now - TimeSpan.FromMinutes(random.Next(366 * 24 * 60, 3 * 365 * 24 * 60));
            var name = CatalogData.Surnames[random.Next(CatalogData.Surnames.Length)] + CatalogData.GivenNames[random.Next(CatalogData.GivenNames.Length)];
            yield return new UserRow(Ids.V7(createdAt, random), $"shopper{i:D6}@bench.example", name, createdAt);
        }
    }
}
