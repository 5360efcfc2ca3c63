using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Configuration;

/// <summary>
/// The settings a production process refuses to start without: one clear line per problem. The
/// silo checks its part; the API adds its own (secrets, CORS, public URL).
/// </summary>
public static class ProductionRules
{
    public const string ExampleJwtSecret = "change-me-to-64-random-hex-characters-from-openssl-rand-hex-32";

    /// <summary>A silo's rules: its storage, and what order emails need (silos send them).</summary>
    public static List<string> ForSilo(IConfiguration config)
    {
        var problems = ForStorage(config);
        if (!Uri.TryCreate(config["API_BASE_URL"], UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            problems.Add("API_BASE_URL must be the shop's public URL, e.g. https://shop.example.com (links in emails are built from it).");
        }

        if (string.IsNullOrWhiteSpace(config["SMTP_HOST"]))
        {
            problems.Add("SMTP_HOST is not set: order and password-reset emails would be written to files on this server instead of being sent.");
        }

        return problems;
    }

    public static List<string> ForStorage(IConfiguration config)
    {
        var problems = new List<string>();
        try
        {
            var settings = SiloSettings.From(config);
            if (settings.Storage == StorageProvider.Memory)
            {
                problems.Add("STORAGE_PROVIDER is memory (or no database is configured): production needs MONGO_URI or POSTGRES_CONNECTION, and all data would be lost on restart.");
            }

            settings.EnsureComplete();
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }

    /// <summary>Prints the problems and returns true when the process must not start.</summary>
    public static bool Refuse(IReadOnlyCollection<string> problems, TextWriter error)
    {
        if (problems.Count == 0)
        {
            return false;
        }

        error.WriteLine($"Refusing to start in production: {problems.Count} configuration problem(s).");
        foreach (var problem in problems)
        {
            error.WriteLine($"  configuration error: {problem}");
        }

        return true;
    }
}
