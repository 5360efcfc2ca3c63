using Microsoft.Extensions.Configuration;
using Shop.Api.Operations;
using Shop.Silo.Configuration;

namespace Shop.Api.Tests.Operations;

public sealed class ProductionRulesTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["POSTGRES_CONNECTION"] = "Host=db;Username=shop;Password=x;Database=shop",
        ["JWT_SECRET"] = "0123456789abcdef0123456789abcdef0123456789abcdef",
        ["BCRYPT_SALT_ROUNDS"] = "12",
        ["ALLOWED_ORIGINS"] = "https://shop.example.com",
        ["WEBHOOK_API_KEY"] = "fedcba9876543210fedcba9876543210",
        ["API_BASE_URL"] = "https://shop.example.com",
        ["ADMIN_PASSWORD"] = "a-long-admin-password",
        ["SMTP_HOST"] = "smtp.example.com",
        // The production rule asks that it is set; whether the file serves is checked at start (ClusterTls).
        ["CLUSTER_TLS_CERT"] = "/etc/shop/cluster-tls/tls.crt",
    };

    [Fact]
    public void A_complete_production_configuration_has_no_problems()
    {
        Assert.Empty(ApiProductionRules.Check(Config()));
    }

    [Theory]
    [InlineData("JWT_SECRET", null, "JWT_SECRET is not set")]
    [InlineData("JWT_SECRET", "short-secret", "JWT_SECRET has 12 characters")]
    [InlineData("JWT_SECRET", ProductionRules.ExampleJwtSecret, "JWT_SECRET is the example value")]
    [InlineData("JWT_SECRET_PREVIOUS", "short-old-secret", "JWT_SECRET_PREVIOUS has 16 characters")]
    [InlineData("JWT_SECRET_PREVIOUS", ProductionRules.ExampleJwtSecret, "JWT_SECRET_PREVIOUS is the example value")]
    [InlineData("BCRYPT_SALT_ROUNDS", "8", "BCRYPT_SALT_ROUNDS is 8")]
    [InlineData("ALLOWED_ORIGINS", "", "ALLOWED_ORIGINS is empty")]
    [InlineData("ALLOWED_ORIGINS", "https://a.example.com,*", "ALLOWED_ORIGINS contains '*'")]
    [InlineData("WEBHOOK_API_KEY", "too-short", "WEBHOOK_API_KEY must have at least 32 characters")]
    [InlineData("API_BASE_URL", "shop.example.com", "API_BASE_URL must be the shop's public URL")]
    [InlineData("API_BASE_URL", "ftp://shop.example.com", "API_BASE_URL must be the shop's public URL")]
    [InlineData("SMTP_PORT", "smtp", "SMTP_PORT must be a whole number; got 'smtp'.")]
    [InlineData("ADMIN_PASSWORD", "short-pass", "ADMIN_PASSWORD has 10 characters")]
    [InlineData("POSTGRES_CONNECTION", null, "STORAGE_PROVIDER is memory")]
    [InlineData("JWT_EXPIRES_IN", "forever", "JWT_EXPIRES_IN must be a duration like 7d")]
    [InlineData("SMTP_HOST", null, "SMTP_HOST is not set")]
    [InlineData("CLUSTER_TLS_CERT", null, "CLUSTER_TLS_CERT is not set")]
    [InlineData("CLUSTER_TLS", "on", "CLUSTER_TLS must be required or off.")]
    public void Each_unsafe_setting_is_reported_on_its_own_line(string name, string? value, string expected)
    {
        var problem = Assert.Single(ApiProductionRules.Check(Config((name, value))));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void CLUSTER_TLS_off_is_the_explicit_way_to_run_the_cluster_ports_without_TLS()
    {
        Assert.Empty(ApiProductionRules.Check(Config(("CLUSTER_TLS_CERT", null), ("CLUSTER_TLS", "off"))));
    }

    [Fact]
    public void A_blank_admin_password_is_no_admin_password_and_is_not_refused()
    {
        Assert.Empty(ApiProductionRules.Check(Config(("ADMIN_PASSWORD", " "))));
    }

    [Fact]
    public void A_strong_previous_secret_is_accepted_during_a_key_rotation()
    {
        Assert.Empty(ApiProductionRules.Check(Config(("JWT_SECRET_PREVIOUS", "fedcba9876543210fedcba9876543210fedcba98"))));
    }

    [Fact]
    public void Postgres_chosen_without_a_connection_is_reported()
    {
        var problems = ApiProductionRules.Check(Config(("POSTGRES_CONNECTION", null), ("STORAGE_PROVIDER", "postgres")));
        Assert.Equal(["STORAGE_PROVIDER=postgres needs POSTGRES_CONNECTION."], problems);
    }

    [Fact]
    public void Every_problem_is_printed_before_refusing()
    {
        var output = new StringWriter();
        var refused = ProductionRules.Refuse(ApiProductionRules.Check(Config(("JWT_SECRET", null), ("ALLOWED_ORIGINS", "*"))), output);
        Assert.True(refused);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(2, lines.Count(l => l.TrimStart().StartsWith("configuration error:")));
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("production", null, null, "Production")]
    [InlineData("development", null, null, "Development")]
    [InlineData("production", "Development", null, "Development")]
    [InlineData(null, null, "Staging", null)]
    public void The_runbooks_NODE_ENV_counts_when_aspnet_says_nothing(string? nodeEnv, string? aspnet, string? dotnet, string? expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NODE_ENV"] = nodeEnv,
            ["ASPNETCORE_ENVIRONMENT"] = aspnet,
            ["DOTNET_ENVIRONMENT"] = dotnet,
        }).Build();
        Assert.Equal(expected, ShopEnvironment.Override(config));
    }

    private static IConfiguration Config(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Good);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 3600)]
    [InlineData("7D", 7 * 24 * 3600)]
    [InlineData("30M", 30 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("45", 45)]
    [InlineData("250ms", 0.25)]
    public void Durations_read_as_ops_write_them_in_any_case(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text, "TEST"));
    }
}
