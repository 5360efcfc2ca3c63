using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shop.Api.Features.Catalog;
using Shop.Api.Features.Media;
using Shop.Grains.Catalog;
using Shop.Grains.Common;
using Sylvan.Data.Csv;

namespace Shop.Api.Features.Admin;

/// <summary>One row of an import, as the file numbers it (a CSV's header is line 1).</summary>
public sealed record ImportRow(int Line, ProductRequest? Product, Dictionary<string, string[]> Errors);

/// <summary>What became of one row: created, already there (a repeated import), or failed and why.</summary>
public sealed record ImportedRow(int Line, string Id, string Status, string? Error = null);

public sealed record ImportReport(int Created, int Existing, int Failed, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// Bulk product import (POST /api/admin/products/import): CSV with a header (name, description,
/// price, category, brand, stock, images separated by |) or JSON lines with the fields of a product
/// create. Every row is checked first, by the same rules as a single create, and nothing is written
/// unless all pass. Then each product is created whole (its grain and its registry entry), many at
/// a time; with an Idempotency-Key the ids follow from the key and the line, so sending the same
/// import again creates only what a failure left out.
/// </summary>
public static class ProductImport
{
    public const int MaxRows = 10_000;
    private const int CreatedAtOnce = 32;

    public static IReadOnlyList<ImportRow> Parse(string body, bool csv, CategoryDirectory categories) => csv ? ParseCsv(body, categories) : ParseJsonLines(body, categories);

    public static async Task<ImportReport> Create(IGrainFactory grains, IReadOnlyList<ImportRow> rows, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var results = new ImportedRow[rows.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = CreatedAtOnce, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var row = rows[i];
                var id = idempotencyKey is null ? ShopIds.New() : IdFor(idempotencyKey, row.Line);
                var images = Enumerable.Range(0, MediaApi.ImagesPerProduct).Select(n => MediaApi.ImageUrl(id, n)).ToList();
                try
                {
                    var created = await grains.Get<IProductGrain>(id).Create(new NewProduct(row.Product!.ToDetails(images), row.Product.Stock!.Value));
                    results[i] = new ImportedRow(row.Line, id, created.IsSuccess ? "created" : "existing");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The error's type only: storage errors can quote connection details.
                    results[i] = new ImportedRow(row.Line, id, "failed", e.GetType().Name);
                }
            });
        return new ImportReport(results.Count(r => r.Status == "created"), results.Count(r => r.Status == "existing"),
            results.Count(r => r.Status == "failed"), results);
    }

    /// <summary>The errors of every row that does not pass, as "line 7: price" → messages.</summary>
    public static Dictionary<string, string[]> Errors(IReadOnlyList<ImportRow> rows) =>
        rows.SelectMany(r => r.Errors.Select(e => (Key: $"line {r.Line}: {e.Key}", e.Value)))
            .ToDictionary(e => e.Key, e => e.Value);

    /// <summary>The rows of a CSV file; a file that is not CSV at all is one row with its error, never an exception.</summary>
    private static List<ImportRow> ParseCsv(string body, CategoryDirectory categories)
    {
        var rows = new List<ImportRow>();
        try
        {
            ReadCsv(body, rows, categories);
        }
        catch (CsvMissingHeadersException)
        {
            // An empty file: answered "the file has no products".
        }
        catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException or CsvInvalidCharacterException)
        {
            rows.Add(new ImportRow(rows.Count + 2, null, new() { ["csv"] = ["The file is not valid CSV from this line on (an unclosed quote, or a line too long)."] }));
        }

        return rows;
    }

    private static void ReadCsv(string body, List<ImportRow> rows, CategoryDirectory categories)
    {
        using var csv = CsvDataReader.Create(new StringReader(body));
        // A repeated column name counts once, as its first column.
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < csv.FieldCount; i++)
        {
            columns.TryAdd(csv.GetName(i).Trim().ToLowerInvariant(), i);
        }

        string? Field(string name) =>
            columns.TryGetValue(name, out var column) && column < csv.RowFieldCount ? csv.GetString(column).Trim() : null;

        while (csv.Read() && rows.Count <= MaxRows)
        {
            var errors = new Dictionary<string, string[]>();
            long? price = long.TryParse(Field("price"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            int? stock = int.TryParse(Field("stock"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            if (price is null)
            {
                errors["price"] = ["The price must be a whole number of fen."];
            }

            if (stock is null)
            {
                errors["stock"] = ["The stock must be a whole number."];
            }

            var images = Field("images") is { Length: > 0 } list ? list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() : null;
            var brand = Field("brand");
            var product = new ProductRequest(Field("name") ?? "", Field("description") ?? "", price, Field("category") ?? "",
                string.IsNullOrEmpty(brand) ? null : brand, images, stock);
            // Line numbers as an editor shows them: the header is line 1.
            rows.Add(Checked(csv.RowNumber + 1, product, errors, categories));
        }
    }

    private static List<ImportRow> ParseJsonLines(string body, CategoryDirectory categories)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };
        var rows = new List<ImportRow>();
        var line = 0;
        foreach (var text in body.Split('\n'))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (rows.Count > MaxRows)
            {
                break;
            }

            try
            {
                rows.Add(Checked(line, JsonSerializer.Deserialize<ProductRequest>(text, options), [], categories));
            }
            catch (JsonException)
            {
                rows.Add(new ImportRow(line, null, new() { ["json"] = ["This line is not a product as JSON."] }));
            }
        }

        return rows;
    }

    /// <summary>The same checks as a single create: the attributes' rules, then what they cannot say.</summary>
    private static ImportRow Checked(int line, ProductRequest? product, Dictionary<string, string[]> errors, CategoryDirectory categories)
    {
        if (product is null)
        {
            return new ImportRow(line, null, new() { ["json"] = ["This line is empty."] });
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(product, new ValidationContext(product), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("row"))
            {
                errors.TryAdd(JsonNamingPolicy.CamelCase.ConvertName(member), [result.ErrorMessage ?? "Not valid."]);
            }
        }

        foreach (var (field, messages) in product.Check(stockRequired: true, categories))
        {
            errors.TryAdd(field, messages);
        }

        return new ImportRow(line, errors.Count == 0 ? product : null, errors);
    }

    /// <summary>A product id that follows from the import's key and the line: the same import again finds its products.</summary>
    private static string IdFor(string key, int line) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{line}")))[..32];
}
