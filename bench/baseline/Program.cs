using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using NpgsqlTypes;

// The stateless baseline: the shop's five shopper calls on PostgreSQL, no state in the process but
// a one-second cache of token versions (as the shop's API nodes keep). Settings: BASELINE_CONNECTION
// (Npgsql; its pool is capped by Maximum Pool Size), JWT_SECRET (the shop's: the same tokens work
// here), ASPNETCORE_URLS. The schema (schema.sql) is applied at start and is safe to apply twice.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var connection = new NpgsqlConnectionStringBuilder(builder.Configuration["BASELINE_CONNECTION"]
    ?? throw new InvalidOperationException("Set BASELINE_CONNECTION (an Npgsql connection string)."));
// Prepared statements: every query text this service sends is prepared on each connection after
// its second use, so PostgreSQL parses and plans it once per connection.
if (connection.MaxAutoPrepare == 0)
{
    connection.MaxAutoPrepare = 64;
    connection.AutoPrepareMinUsages = 2;
}

connection.NoResetOnClose = true;
var database = NpgsqlDataSource.Create(connection.ConnectionString);
builder.Services.AddSingleton(database);

var key = Encoding.UTF8.GetBytes(builder.Configuration["JWT_SECRET"] ?? throw new InvalidOperationException("Set JWT_SECRET."));
if (key.Length < 32)
{
    key = SHA256.HashData(key);
}

var stamps = new MemoryCache(new MemoryCacheOptions { SizeLimit = 100_000 });
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "shop",
        ValidAudience = "shop",
        IssuerSigningKey = new SymmetricSecurityKey(key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = "sub",
        RoleClaimType = "role",
        ClockSkew = TimeSpan.FromSeconds(30),
    };
    // As in the shop: the token's version must still be the account's (a password change retires
    // older tokens within a second), looked up at most once a second per account.
    options.Events = new JwtBearerEvents
    {
        OnTokenValidated = async context =>
        {
            var userId = context.Principal!.FindFirstValue("sub");
            var version = context.Principal!.FindFirstValue("ver");
            if (userId is null || !stamps.TryGetValue(userId, out int? current))
            {
                await using var command = database.CreateCommand("SELECT token_version FROM users WHERE id = $1");
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId ?? "", NpgsqlDbType = NpgsqlDbType.Varchar });
                current = await command.ExecuteScalarAsync(context.HttpContext.RequestAborted) as int?;
                if (userId is not null)
                {
                    stamps.Set(userId, current, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1), Size = 1 });
                }
            }

            if (current is null || version != current.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                context.Fail("The token was retired.");
            }
        },
    };
});
builder.Services.AddAuthorization();

var app = builder.Build();
await using (var schema = database.CreateCommand(await ReadSchema()))
{
    await schema.ExecuteNonQueryAsync();
}

app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/health/live", (HttpContext http) =>
{
    http.Response.Headers.CacheControl = "no-store";
    return TypedResults.Ok(new { status = "Healthy", version = "baseline", checks = new { } });
});
app.MapGet("/api/products", Catalog.List);
app.MapGet("/api/products/{id}", Catalog.Get);
var cart = app.MapGroup("/api/cart").RequireAuthorization();
cart.MapGet("/", Carts.Get);
cart.MapPost("/items", Carts.Add);

app.Run();
return;

static async Task<string> ReadSchema()
{
    await using var stream = typeof(Catalog).Assembly.GetManifestResourceStream("schema.sql")!;
    return await new StreamReader(stream).ReadToEndAsync();
}

public sealed record ProductSummary(string Id, string Name, long Price, string Category, string? Brand, string ImageUrl, int Stock, double? Rating);

public sealed record FacetCount(string Id, int Count);

public sealed record CatalogFacets(IReadOnlyList<FacetCount> Categories, int InStock);

public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, int Total, int Page, int PageSize, CatalogFacets Facets);

public sealed record ProductResponse(
    string Id, string Name, long Price, string Category, string? Brand, string ImageUrl, int Stock, double? Rating,
    string Description, IReadOnlyList<string> Images, System.Text.Json.JsonElement Attributes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CartItemResponse(string ProductId, string Name, string ImageUrl, long UnitPrice, int Quantity, long LineTotal, int Available);

public sealed record CartResponse(IReadOnlyList<CartItemResponse> Items, int ItemCount, long Subtotal);

public sealed record AddCartItemRequest(string? ProductId, int? Quantity);

internal static partial class Catalog
{
    public static readonly string[] Categories =
        ["phones", "computers", "audio", "appliances", "kitchen", "beauty", "fashion", "sports", "food", "books", "baby", "home"];

    // The shop's word split (ProductSearch): spaces and punctuation, except characters inside words.
    [GeneratedRegex(@"[\s\p{P}\p{S}-[\-.+&']]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    public static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public static async Task<Results<Ok<ProductPage>, ProblemHttpResult>> List(
        NpgsqlDataSource database, string? q, string? category, long? minPrice, long? maxPrice, bool? inStock, string? sort,
        int? page, int? pageSize, bool? facets, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 20;
        var number = page ?? 1;
        if (size is < 1 or > 100 || number is < 1 or > 100_000 || q?.Length > 100 || minPrice < 0 || maxPrice < minPrice
            || (category is not null && !Categories.Contains(category))
            || sort is not (null or "relevance" or "price_asc" or "price_desc" or "newest" or "popular"))
        {
            return TypedResults.Problem("The query is not valid.", statusCode: 400);
        }

        var words = Separators().Split(q ?? "").Select(w => w.Trim('-', '.', '\'')).Where(w => w.Length > 0).ToList();
        var order = sort ?? (words.Count > 0 ? "relevance" : "newest");

        // The filter shared by the page and the facets (the facets leave category and stock out).
        var filter = new StringBuilder("NOT archived");
        var shared = new List<(object Value, NpgsqlDbType Type)>();
        string Add(List<(object, NpgsqlDbType)> list, object value, NpgsqlDbType type)
        {
            list.Add((value, type));
            return "$" + list.Count;
        }

        var patterns = new List<string>();
        foreach (var word in words)
        {
            var p = Add(shared, "%" + word.ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%", NpgsqlDbType.Text);
            patterns.Add(p);
            filter.Append($" AND search_text LIKE {p}");
        }

        if (minPrice is { } min)
        {
            filter.Append($" AND price >= {Add(shared, min, NpgsqlDbType.Bigint)}");
        }

        if (maxPrice is { } max)
        {
            filter.Append($" AND price <= {Add(shared, max, NpgsqlDbType.Bigint)}");
        }

        // The page's own conditions: the category and stock filters (left out of the facet counts).
        var itemParameters = new List<(object Value, NpgsqlDbType Type)>(shared);
        var pageOnly = new StringBuilder();
        if (category is not null)
        {
            pageOnly.Append($" AND category = {Add(itemParameters, category, NpgsqlDbType.Varchar)}");
        }

        if (inStock == true)
        {
            pageOnly.Append(" AND stock > 0");
        }

        var itemFilter = filter.ToString() + pageOnly;

        var orderBy = order switch
        {
            "relevance" when patterns.Count > 0 =>
                "(" + string.Join(" + ", patterns.Select(p => $"(CASE WHEN name ILIKE {p} THEN 8 ELSE 0 END) + (CASE WHEN brand ILIKE {p} THEN 4 ELSE 0 END)"))
                + ") DESC, sold DESC, id",
            "price_asc" => "price, id",
            "price_desc" => "price DESC, id DESC",
            "popular" => "sold DESC, id",
            _ => "created_at DESC, id",
        };
        var limit = Add(itemParameters, size, NpgsqlDbType.Integer);
        var offset = Add(itemParameters, (number - 1) * size, NpgsqlDbType.Integer);

        // One round trip: the page and the counts behind the filters. With ?facets=false (a
        // measurement of the baseline's upper bound, not a shop call) only the total is counted.
        var counts = facets != false;
        await using var batch = database.CreateBatch();
        if (patterns.Count > 0)
        {
            // A search scans its hits once (a short word cannot use the trigram index): the page
            // and the counts (or the total) both come from them.
            var countsOfHits = counts
                ? "SELECT 1, NULL, NULL, NULL, category, NULL, NULL, NULL, NULL, count(*)::int, (count(*) FILTER (WHERE stock > 0))::int FROM hits GROUP BY category"
                : $"SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int, 0 FROM hits WHERE TRUE{pageOnly}";
            batch.BatchCommands.Add(Command($"""
                WITH hits AS MATERIALIZED (
                    SELECT id, name, price, category, brand, images[1] AS image, stock, rating, sold, created_at FROM products WHERE {filter})
                (SELECT 0 AS part, id, name, price, category, brand, image, stock, rating, 0 AS n, 0 AS stocked
                 FROM hits WHERE TRUE{pageOnly} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset})
                UNION ALL
                {countsOfHits}
                """, itemParameters));
        }
        else
        {
            batch.BatchCommands.Add(Command(
                $"SELECT 0, id, name, price, category, brand, images[1], stock, rating FROM products WHERE {itemFilter} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset}",
                itemParameters));
            batch.BatchCommands.Add(counts
                ? Command($"SELECT 1, NULL, NULL, NULL, category, NULL, NULL, NULL, NULL, count(*)::int, (count(*) FILTER (WHERE stock > 0))::int FROM products WHERE {filter} GROUP BY category", shared)
                : Command($"SELECT count(*)::int FROM products WHERE {itemFilter}", itemParameters.SkipLast(2)));
        }

        var items = new List<ProductSummary>(size);
        var all = new Dictionary<string, (int All, int Stocked)>();
        var total = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.FieldCount == 1)
                    {
                        total = reader.GetInt32(0);
                    }
                    else if (reader.GetInt32(0) == 2)
                    {
                        total = reader.GetInt32(9);
                    }
                    else if (reader.GetInt32(0) == 0)
                    {
                        items.Add(new ProductSummary(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? "" : reader.GetString(6), reader.GetInt32(7),
                            reader.IsDBNull(8) ? null : reader.GetDouble(8)));
                    }
                    else
                    {
                        all[reader.GetString(4)] = (reader.GetInt32(9), reader.GetInt32(10));
                    }
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        if (!counts)
        {
            return TypedResults.Ok(new ProductPage(items, total, number, size, new CatalogFacets([], 0)));
        }

        int CountOf(string c, bool stockedOnly) => all.TryGetValue(c, out var n) ? (stockedOnly ? n.Stocked : n.All) : 0;
        var chosen = category is null ? Categories : [category];
        var facetCounts = new CatalogFacets(Categories.Select(c => new FacetCount(c, CountOf(c, inStock == true))).ToList(),
            chosen.Sum(c => CountOf(c, true)));
        return TypedResults.Ok(new ProductPage(items, chosen.Sum(c => CountOf(c, inStock == true)), number, size, facetCounts));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return NotFound();
        }

        await using var command = database.CreateCommand(
            "SELECT id, name, price, category, brand, images, stock, rating, description, attributes, created_at, updated_at FROM products WHERE id = $1 AND NOT archived");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id, NpgsqlDbType = NpgsqlDbType.Varchar });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return NotFound();
        }

        var images = reader.GetFieldValue<string[]>(5);
        return TypedResults.Ok(new ProductResponse(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), images.FirstOrDefault() ?? "", reader.GetInt32(6),
            reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetString(8), images, reader.GetFieldValue<System.Text.Json.JsonElement>(9),
            reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11)));
    }

    public static ProblemHttpResult NotFound() => TypedResults.Problem("No product with this id.", statusCode: 404,
        extensions: new Dictionary<string, object?> { ["code"] = "product.not_found" });

    public static NpgsqlBatchCommand Command(string sql, IEnumerable<(object Value, NpgsqlDbType Type)> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        }

        return command;
    }
}

internal static class Carts
{
    // The change, in one statement: the product must exist and have the stock, a line holds at
    // most 99 and a cart at most 100 products (as the shop's cart grain checks). Answers the stock,
    // the line's quantity before, and after (null when refused).
    private const string AddSql = """
        WITH p AS (SELECT stock FROM products WHERE id = $2 AND NOT archived),
             line AS (SELECT quantity FROM cart_items WHERE user_id = $1 AND product_id = $2),
             added AS (
                INSERT INTO cart_items (user_id, product_id, quantity)
                SELECT $1, $2, $3 FROM p
                WHERE $3 <= p.stock AND (EXISTS (SELECT 1 FROM line) OR (SELECT count(*) FROM cart_items WHERE user_id = $1) < 100)
                ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
                WHERE cart_items.quantity + EXCLUDED.quantity <= 99 AND cart_items.quantity + EXCLUDED.quantity <= (SELECT stock FROM p)
                RETURNING quantity)
        SELECT (SELECT stock FROM p), (SELECT quantity FROM line), (SELECT quantity FROM added)
        """;

    private const string CartSql = """
        SELECT c.product_id, p.name, p.images[1], p.price, c.quantity, p.stock
        FROM cart_items c JOIN products p ON p.id = c.product_id
        WHERE c.user_id = $1 AND NOT p.archived
        ORDER BY c.added_at, c.product_id
        """;

    public static async Task<Ok<CartResponse>> Get(ClaimsPrincipal user, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Catalog.Command(CartSql, [(UserId(user), NpgsqlDbType.Varchar)]));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return TypedResults.Ok(await ReadCart(reader, cancellationToken));
    }

    public static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Add(
        AddCartItemRequest request, ClaimsPrincipal user, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        if (request.Quantity is not (>= 1 and <= 99))
        {
            return Problem(400, "cart.quantity_range", "Quantity must be between 1 and 99.");
        }

        if (!Catalog.IsId(request.ProductId))
        {
            return Catalog.NotFound();
        }

        var userId = UserId(user);
        // One round trip: the change, then the cart as it is after it.
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Catalog.Command(AddSql,
            [(userId, NpgsqlDbType.Varchar), (request.ProductId, NpgsqlDbType.Varchar), (request.Quantity.Value, NpgsqlDbType.Integer)]));
        batch.BatchCommands.Add(Catalog.Command(CartSql, [(userId, NpgsqlDbType.Varchar)]));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        int? stock = reader.IsDBNull(0) ? null : reader.GetInt32(0);
        var before = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        var added = !reader.IsDBNull(2);
        await reader.NextResultAsync(cancellationToken);
        var cart = await ReadCart(reader, cancellationToken);
        if (stock is null)
        {
            return Catalog.NotFound();
        }

        if (!added)
        {
            return before + request.Quantity > 99 ? Problem(400, "cart.line_limit", "A cart line holds at most 99.")
                : before + request.Quantity > stock ? Problem(409, "stock.insufficient", $"Only {stock} left in stock.")
                : Problem(400, "cart.product_limit", "A cart holds at most 100 different products.");
        }

        return TypedResults.Ok(cart);
    }

    private static async Task<CartResponse> ReadCart(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var items = new List<CartItemResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var price = reader.GetInt64(3);
            var quantity = reader.GetInt32(4);
            items.Add(new CartItemResponse(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                price, quantity, price * quantity, reader.GetInt32(5)));
        }

        return new CartResponse(items, items.Sum(i => i.Quantity), items.Sum(i => i.LineTotal));
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? throw new InvalidOperationException("No user id.");

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
