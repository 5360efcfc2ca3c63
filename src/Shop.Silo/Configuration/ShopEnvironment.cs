using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Shop.Silo.Configuration;

/// <summary>
/// Which environment a process runs in, from ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT or the
/// runbook's NODE_ENV. With none set it is production: a forgotten variable must not quietly turn
/// the safety checks off.
/// </summary>
public static class ShopEnvironment
{
    /// <summary>
    /// The environment name to force, or null to let ASP.NET Core / .NET decide from
    /// ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT (which default to Production).
    /// NODE_ENV counts only when neither of those is set.
    /// </summary>
    public static string? Override(IConfiguration config)
    {
        if (First(config["ASPNETCORE_ENVIRONMENT"]) is { } aspnet)
        {
            return aspnet;
        }

        return First(config["DOTNET_ENVIRONMENT"]) is null
            ? config["NODE_ENV"]?.Trim().ToLowerInvariant() switch
            {
                "production" => "Production",
                "development" or "test" => "Development",
                _ => null,
            }
            : null;
    }

    /// <summary>
    /// Whether a host's configuration says Development, the one environment where the production
    /// rules and defaults are relaxed (Staging, Prod or a typo get the production ones): the host's
    /// own environment setting when it has one (a builder sets it), else the variables as
    /// <see cref="Override"/> reads them.
    /// </summary>
    public static bool IsDevelopment(IConfiguration config) => string.Equals(
        First(config[HostDefaults.EnvironmentKey]) ?? Name(config), Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>The environment a process started from these variables runs in (Production when none says).</summary>
    public static string Name(IConfiguration config) => Override(config) ?? First(config["DOTNET_ENVIRONMENT"]) ?? Environments.Production;

    /// <summary>
    /// Loads a .env file (from the working folder or a parent) into the environment, never over a
    /// variable already set, unless the environment already says production, where .env is not read.
    /// </summary>
    public static void LoadDotEnv()
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (!IsExplicitlyProduction(environment))
        {
            DotNetEnv.Env.NoClobber().TraversePath().Load();
        }
    }

    private static bool IsExplicitlyProduction(IConfiguration config) =>
        config["NODE_ENV"]?.Trim().ToLowerInvariant() == "production"
        || string.Equals(First(config["ASPNETCORE_ENVIRONMENT"], config["DOTNET_ENVIRONMENT"]), "Production", StringComparison.OrdinalIgnoreCase);

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
