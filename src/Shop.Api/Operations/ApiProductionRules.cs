using Shop.Api.Features.Auth;
using Shop.Silo.Configuration;

namespace Shop.Api.Operations;

/// <summary>What a production API node refuses to start with, one line per problem.</summary>
public static class ApiProductionRules
{
    public const int MinSecretLength = 32;
    public const int MinAdminPasswordLength = 12;

    public static List<string> Check(IConfiguration config)
    {
        var problems = ProductionRules.ForSilo(config);

        var secret = config["JWT_SECRET"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            problems.Add("JWT_SECRET is not set: tokens would be signed with a random key and die at every restart.");
        }
        else
        {
            CheckSecretStrength("JWT_SECRET", secret, problems);
        }

        // Only set during a key rotation; when set, it is held to the same rules (it still opens sessions).
        if (config["JWT_SECRET_PREVIOUS"] is { } previous && !string.IsNullOrWhiteSpace(previous))
        {
            CheckSecretStrength("JWT_SECRET_PREVIOUS", previous, problems);
        }

        try
        {
            var auth = ShopOptions.Read<AuthOptions>(config);
            if (auth.BcryptRounds < 10)
            {
                problems.Add($"BCRYPT_SALT_ROUNDS is {auth.BcryptRounds}; production needs at least 10 (12 recommended).");
            }
        }
        catch (Exception e) when (ShopOptions.Problems(e) is { } malformed)
        {
            problems.AddRange(malformed);
        }

        var origins = Cors.AllowedOrigins(config);
        if (origins.Length == 0)
        {
            problems.Add("ALLOWED_ORIGINS is empty: list the web client's origins, e.g. https://shop.example.com.");
        }
        else if (origins.Contains("*"))
        {
            problems.Add("ALLOWED_ORIGINS contains '*': list the exact origins instead.");
        }

        var webhookKey = config["WEBHOOK_API_KEY"];
        if (string.IsNullOrWhiteSpace(webhookKey) || webhookKey.Length < MinSecretLength)
        {
            problems.Add($"WEBHOOK_API_KEY must have at least {MinSecretLength} characters (it signs payment webhooks).");
        }

        if (config["ADMIN_PASSWORD"] is { Length: > 0 } adminPassword && adminPassword.Length < MinAdminPasswordLength)
        {
            problems.Add($"ADMIN_PASSWORD has {adminPassword.Length} characters; at least {MinAdminPasswordLength} are needed.");
        }

        return problems;
    }

    private static void CheckSecretStrength(string name, string secret, List<string> problems)
    {
        if (secret == ProductionRules.ExampleJwtSecret)
        {
            problems.Add($"{name} is the example value from .env.example: generate one with `openssl rand -hex 32`.");
        }
        else if (secret.Length < MinSecretLength)
        {
            problems.Add($"{name} has {secret.Length} characters; at least {MinSecretLength} are needed.");
        }
    }
}
