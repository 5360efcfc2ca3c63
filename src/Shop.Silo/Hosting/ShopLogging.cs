using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Shop.Silo.Hosting;

/// <summary>LOG_LEVEL (error, warn, info, debug) for the shop's own logs; the frameworks stay quieter.</summary>
public static class ShopLogging
{
    public static ILoggingBuilder AddShopLogging(this ILoggingBuilder logging, IConfiguration config)
    {
        var level = config["LOG_LEVEL"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "info" or "information" => LogLevel.Information,
            "error" => LogLevel.Error,
            "warn" or "warning" => LogLevel.Warning,
            "debug" => LogLevel.Debug,
            "trace" => LogLevel.Trace,
            var other => throw new InvalidOperationException($"LOG_LEVEL must be error, warn, info or debug; got '{other}'."),
        };
        var frameworks = level < LogLevel.Information ? level : (LogLevel)Math.Max((int)level, (int)LogLevel.Warning);
        logging.SetMinimumLevel(level);
        foreach (var category in new[] { "Orleans", "Microsoft", "Polly", "System.Net.Http" })
        {
            logging.AddFilter(category, frameworks);
        }

        // Startup and shutdown lines are worth seeing at info.
        logging.AddFilter("Microsoft.Hosting.Lifetime", level);
        return logging;
    }
}
