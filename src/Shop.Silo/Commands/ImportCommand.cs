using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Shop.Silo.Configuration;

namespace Shop.Silo.Commands;

/// <summary>
/// <c>Shop.Silo import FILE</c>: imports products from a CSV (header: name, description, price,
/// category, brand, stock, images) or JSON-lines file through a running API node
/// (<c>SHOP_API_URL</c>, default http://localhost:PORT), signed in as ADMIN_EMAIL / ADMIN_PASSWORD.
/// The file is checked whole first; then it goes in parts of 1,000 rows, each with an
/// Idempotency-Key from the file's content, so running the command again after a failure creates
/// only what is missing. A progress line shows rows and rows per second.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";
    private const int RowsPerRequest = 1000;

    public static async Task<int> RunAsync(string[] args, IConfiguration config, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            error.WriteLine("usage: Shop.Silo import FILE   (.csv, or .jsonl/.ndjson: one product per line); set SHOP_API_URL, ADMIN_EMAIL, ADMIN_PASSWORD");
            return 2;
        }

        var file = args[0];
        var csv = !file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        var text = await File.ReadAllTextAsync(file);
        var parts = csv ? CsvParts(text) : JsonParts(text);
        var rows = parts.Sum(p => p.Rows);
        var api = new Uri(config["SHOP_API_URL"] is { Length: > 0 } url ? url : $"http://localhost:{config["PORT"] ?? "5000"}");
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            if (await SignIn(http, config, error) is not { } token)
            {
                return 1;
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            output.WriteLine($"import: {rows:N0} products from {Path.GetFileName(file)} to {api.GetLeftPart(UriPartial.Authority)}; checking every row first");
            var line = 0;
            foreach (var part in parts)
            {
                if (!await Send(http, part.Body, csv, dryRun: true, key: null, error, line))
                {
                    return 1;
                }

                line += part.Rows;
            }

            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
            var clock = Stopwatch.StartNew();
            var done = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                if (!await Send(http, parts[i].Body, csv, dryRun: false, key: $"import-{key}-{i}", error, done))
                {
                    return 1;
                }

                done += parts[i].Rows;
                output.Write($"\rimported {done:N0} / {rows:N0} products ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)   ");
            }

            output.WriteLine();
            output.WriteLine($"import: done in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: cannot reach the shop at {api}: {e.Message}");
            return 1;
        }
    }

    private static async Task<string?> SignIn(HttpClient http, IConfiguration config, TextWriter error)
    {
        if (ShopOptions.ReadOrDefault<AdminAccountOptions>(config) is not { Email: { } email, Password: { } password })
        {
            error.WriteLine("error: set ADMIN_EMAIL and ADMIN_PASSWORD (an admin's account) to import.");
            return null;
        }

        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            error.WriteLine($"error: signing in as {email} was refused ({(int)response.StatusCode}).");
            return null;
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())?["token"]?.GetValue<string>();
    }

    /// <summary>Sends one part; on refusal prints what the shop said of each row (lines counted in the whole file).</summary>
    private static async Task<bool> Send(HttpClient http, string body, bool csv, bool dryRun, string? key, TextWriter error, int linesBefore)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/products/import" + (dryRun ? "?dryRun=true" : ""))
        {
            Content = new StringContent(body, Encoding.UTF8, csv ? "text/csv" : "application/x-ndjson"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (response.StatusCode == HttpStatusCode.OK && answer?["failed"]?.GetValue<int>() is null or 0)
        {
            return true;
        }

        error.WriteLine();
        error.WriteLine($"error: the shop refused the import ({(int)response.StatusCode}): {answer?["detail"] ?? ""}");
        // The shop numbers the lines of the part it got; the file's numbers are what a person looks up.
        foreach (var (field, messages) in answer?["errors"]?.AsObject() ?? [])
        {
            var match = System.Text.RegularExpressions.Regex.Match(field, @"^line (\d+): (.*)$");
            var where = match.Success ? $"line {linesBefore + int.Parse(match.Groups[1].Value)}: {match.Groups[2].Value}" : field;
            error.WriteLine($"  {where}: {string.Join(" ", messages!.AsArray())}");
        }

        foreach (var row in answer?["rows"]?.AsArray().Where(r => r?["status"]?.GetValue<string>() == "failed") ?? [])
        {
            error.WriteLine($"  line {linesBefore + row!["line"]!.GetValue<int>()}: {row["error"]}; run the command again to retry it");
        }

        return false;
    }

    /// <summary>The records of a CSV file in parts, each with the header; a quoted field may span lines.</summary>
    private static List<(string Body, int Rows)> CsvParts(string text)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '\n' && !quoted)
            {
                records.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            records.Add(text[start..] + "\n");
        }

        var header = records.FirstOrDefault() ?? "";
        var rows = records.Skip(1).Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        return rows.Chunk(RowsPerRequest).Select(part => (header + string.Concat(part), part.Length)).ToList();
    }

    private static List<(string Body, int Rows)> JsonParts(string text) =>
        text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Chunk(RowsPerRequest)
            .Select(part => (string.Join('\n', part), part.Length)).ToList();
}
