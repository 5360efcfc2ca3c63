using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Admin;

/// <summary>Bulk import: every row checked before anything is written; each product created whole; a repeat creates nothing twice.</summary>
[Collection(ShopCollection.Name)]
public sealed class ProductImportTests(ShopApiFactory factory) : ShopperTest(factory)
{
    [Fact]
    public async Task A_csv_import_creates_every_product_and_a_shopper_finds_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            name,description,price,category,brand,stock
            "导入保温杯 {tag} A","不锈钢, 500ml",12900,kitchen,象印,10
            Imported Kettle {tag} B,,4500,kitchen,,0
            """;

        var report = await Import(csv, "text/csv", HttpStatusCode.OK);

        Assert.Equal((2, 0, 0), (report["created"]!.GetValue<int>(), report["existing"]!.GetValue<int>(), report["failed"]!.GetValue<int>()));
        var found = await Shopper.Get($"/api/products?q={tag}&sort=price_asc");
        Assert.Equal([$"Imported Kettle {tag} B", $"导入保温杯 {tag} A"], Products.Items(found).Select(p => p!["name"]!.GetValue<string>()));
        var cup = Products.Items(found)[1]!;
        Assert.Equal((12900, 10, "象印"), (cup["price"]!.GetValue<long>(), cup["stock"]!.GetValue<int>(), cup["brand"]!.GetValue<string>()));
    }

    [Fact]
    public async Task One_bad_row_stops_the_whole_import_and_the_report_names_each_line_and_field()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var lines = $$"""
            {"name":"Good {{tag}}","description":"","price":1000,"category":"home","stock":5}
            {"name":"Bad price {{tag}}","description":"","price":-5,"category":"home","stock":5}

            {"name":"Bad category {{tag}}","description":"","price":1000,"category":"weapons","stock":5}
            not json
            """;

        var problem = await Import(lines, "application/x-ndjson", HttpStatusCode.BadRequest);

        Assert.Equal("import.invalid_rows", problem["code"]!.GetValue<string>());
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        Assert.Equal(["line 2: price", "line 4: category", "line 5: json"], errors);
        Assert.Equal(0, (await Shopper.Get($"/api/products?q={tag}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_csv_row_is_named_by_its_line_in_the_file_the_header_being_line_1()
    {
        var csv = "name,description,price,category,brand,stock\nFine,,100,home,,1\nCheap,\"Two\nlines\",cheap,home,,1\n";

        var problem = await Import(csv, "text/csv", HttpStatusCode.BadRequest);

        Assert.Equal(["line 3: price"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,name,price\nA,B,1\n")]
    [InlineData("name,description,price,category,stock\n\"unclosed,,100,home,1\n")]
    public async Task A_file_that_is_not_usable_csv_is_a_400_not_a_500(string csv)
    {
        // Found by the hostile-input test: an empty body answered 500.
        var problem = await Import(csv, "text/csv", HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsObject());
    }

    [Fact]
    public async Task The_same_import_sent_again_with_its_key_creates_nothing_twice()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"name,description,price,category,brand,stock\nRepeat {tag} 1,,1000,home,,1\nRepeat {tag} 2,,2000,home,,2\n";

        var first = await Import(csv, "text/csv", HttpStatusCode.OK, idempotencyKey: "import-" + tag);
        var again = await Import(csv, "text/csv", HttpStatusCode.OK, idempotencyKey: "import-" + tag);

        Assert.Equal(2, first["created"]!.GetValue<int>());
        Assert.Equal((0, 2), (again["created"]!.GetValue<int>(), again["existing"]!.GetValue<int>()));
        Assert.Equal(first["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()), again["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(2, (await Shopper.Get($"/api/products?q={tag}"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_admins_import_and_only_csv_or_json_lines()
    {
        using var asShopper = new HttpRequestMessage(HttpMethod.Post, "/api/admin/products/import") { Content = new StringContent("x", Encoding.UTF8, "text/csv") };
        Assert.Equal(HttpStatusCode.Forbidden, (await Shopper.Http.SendAsync(asShopper)).StatusCode);

        var problem = await Import("<products/>", "application/xml", HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("request.unsupported_media_type", problem["code"]!.GetValue<string>());
    }

    private async Task<JsonObject> Import(string body, string contentType, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/products/import") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Expect.Json(await Admin.Http.SendAsync(request), expected);
    }
}
