using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Shop.Api.Tests.Support;
using Xunit.Abstractions;

namespace Shop.Api.Tests.Security;

/// <summary>
/// Schema-driven hostile input: every operation of the shop's own OpenAPI document is called with
/// malformed JSON, wrong types, boundary numbers, huge and odd strings, odd path and query values
/// and bad tokens, as anonymous, a shopper, an admin and a forged token. Any 5xx, a dropped
/// connection or an unhealthy shop afterwards fails. A fixed seed and a bounded count keep it
/// repeatable and quick.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Fixed in CI; HOSTILE_SEED and HOSTILE_CASES explore further by hand.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_SEED"), out var seed) ? seed : 20261206;
    private static readonly int CasesPerOperation = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_CASES"), out var cases) ? cases : 8;

    private static readonly string[] OddStrings =
    [
        "", " ", "x", "-1", "0", "1e309", "NaN", "null", "true", "[]", "{}", "%00", "\0", "\u202Egnp.exe", "\u200B",
        "../../../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
        "😀👨‍👩‍👧", "\uD800", "0123456789abcdef0123456789abcdef", new string('a', 5_000), new string('长', 20_000),
    ];

    private static readonly string[] OddNumbers =
        ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1e308", "-1e308", "0.5", "1e-400", "\"12\"", "null", "[]", "{}", "true"];

    private static readonly string[] MalformedBodies =
        ["", "{", "}", "[", "null", "\"text\"", "123", "[1,2,3]", "{\"a\":", "{'single':'quotes'}", "{\"a\":1,,}", "\u0000", new string('[', 5_000) + new string(']', 5_000)];

    private ShopApiFactory _factory = null!;
    private readonly Random _random = new(Seed);

    public Task InitializeAsync()
    {
        _factory = new ShopApiFactory();
        _factory.Settings["SEED_DEMO_DATA"] = "false";
        // A real Kestrel server on loopback: the in-memory test server refuses some of these requests
        // itself, before the shop could.
        var port = FreePorts.Next();
        _factory.UseKestrel(port);
        _factory.ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_operation_survives_hostile_input_without_a_5xx_and_the_shop_stays_healthy()
    {
        var admin = await ShopClient.Admin(_factory);
        var shopper = await ShopClient.NewShopper(_factory);
        var product = await Products.Create(admin, stock: 5);
        var identities = new (string Name, string? Authorization)[]
        {
            ("anonymous", null),
            ("shopper", "Bearer " + shopper.Token),
            ("admin", "Bearer " + admin.Token),
            ("forged", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9."),
        };

        var http = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = _factory.ClientOptions.BaseAddress });
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var operations = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                foreach (var (who, authorization) in identities)
                {
                    for (var i = 0; i < CasesPerOperation; i++)
                    {
                        using var request = Build(method, template, operation!.AsObject(), document, product);
                        if (authorization is not null)
                        {
                            request.Headers.TryAddWithoutValidation("Authorization", authorization);
                        }

                        var described = $"{who}: {request.Method} {Shorten(request.RequestUri!.ToString())}";
                        try
                        {
                            // Headers only: a live stream (GET /api/live) answers 200 and never ends its body.
                            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                            var status = (int)response.StatusCode;
                            statuses[status] = statuses.GetValueOrDefault(status) + 1;
                            if (status >= 500)
                            {
                                failures.Add($"{described} -> {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                        {
                            failures.Add($"{described} -> {e.GetType().Name}: {e.Message}");
                        }
                    }
                }
            }
        }

        output.WriteLine($"seed {Seed}: {operations} operations, {statuses.Values.Sum()} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(operations >= 30, $"The OpenAPI document listed only {operations} operations.");
        using var health = await http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private HttpRequestMessage Build(string method, string template, JsonObject operation, JsonObject document, string productId)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => Uri.EscapeDataString(Pick(OddStrings.Append(productId).ToArray())));
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if ((string?)parameter!["in"] == "query" && _random.Next(3) > 0)
            {
                var type = TypeOf(parameter["schema"]);
                var value = type is "integer" or "number" ? Pick(OddNumbers) : Pick(OddStrings);
                query.Add($"{Uri.EscapeDataString((string)parameter["name"]!)}={Uri.EscapeDataString(value)}");
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (operation["requestBody"] is { } body)
        {
            var content = body["content"]!.AsObject();
            var json = content.ContainsKey("application/json");
            var schema = json ? Resolve(content["application/json"]!["schema"], document) : null;
            var text = schema is not null && _random.Next(4) > 0 ? HostileObject(schema, document).ToJsonString() : Pick(MalformedBodies);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(json ? "application/json" : content.First().Key);
        }

        if (_random.Next(6) == 0)
        {
            // Header values are ASCII on the wire (the client refuses to send others).
            request.Headers.TryAddWithoutValidation(_random.Next(2) == 0 ? "If-Match" : "Idempotency-Key", Pick(OddStrings.Where(v => v.All(char.IsAscii) && !v.Contains('\0')).ToArray()));
        }

        return request;
    }

    /// <summary>An object shaped like the schema, with each property a wrong type, a boundary number or an odd string.</summary>
    private JsonNode HostileObject(JsonNode schema, JsonObject document)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = Resolve(property, document);
            var type = TypeOf(resolved);
            result[name] = _random.Next(4) switch
            {
                0 => JsonNode.Parse(Pick(OddNumbers) is var n && n.StartsWith('"') ? n : n == "1e-400" ? "0" : n),
                1 => JsonValue.Create(Pick(OddStrings)),
                2 when type == "object" && resolved is not null => HostileObject(resolved, document),
                2 => new JsonArray(JsonValue.Create(Pick(OddStrings)), JsonValue.Create(-1)),
                _ => type is "integer" or "number" ? JsonValue.Create(_random.Next(2) == 0 ? long.MaxValue : -1) : JsonValue.Create(Pick(OddStrings)),
            };
        }

        return result;
    }

    /// <summary>A schema's type ("integer", "string" ...); OpenAPI 3.1 may list several, with "null".</summary>
    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.ToString(),
        JsonArray types => types.Select(t => t?.ToString()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static JsonNode? Resolve(JsonNode? schema, JsonObject document)
    {
        for (var depth = 0; schema?["$ref"] is { } reference && depth < 5; depth++)
        {
            schema = ((string)reference!).TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (node, part) => node?[part]);
        }

        return schema;
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
