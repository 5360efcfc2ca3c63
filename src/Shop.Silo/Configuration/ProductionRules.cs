using Microsoft.Extensions.Configuration;
using Shop.Silo.Notifications;

namespace Shop.Silo.Configuration;

/// <summary>
/// The settings a production process refuses to start without: one clear line per problem. The
/// silo checks its part; the API adds its own (secrets, CORS, public URL).
/// </summary>
public static class ProductionRules
{
    public const string ExampleJwtSecret = "change-me-to-64-random-hex-characters-from-openssl-rand-hex-32";

    /// <summary>
    /// A silo's rules: its storage, what order emails need (silos send them), and TLS on the cluster's
    /// ports. API nodes get them too: an embedded one hosts a silo, an external one connects to them.
    /// </summary>
    public static List<string> ForSilo(IConfiguration config)
    {
        var problems = ForStorage(config);
        ShopOptions.Check(config, ShopLinkOptions.ProductionRule, problems);
        ShopOptions.Check(config, EmailOptions.ProductionRule, problems);
        ShopOptions.Check(config, ClusterTlsOptions.ProductionRule, problems);
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
