using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

/// <summary>Traces exported over OTLP to a real listener (and none recorded without one), and the Orleans dashboard kept for admins.</summary>
public sealed class ObservabilityTests : IAsyncLifetime
{
    private HttpRecorder _collector = null!;
    private ShopApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _collector = await HttpRecorder.StartAsync(200, "");
        _factory = new ShopApiFactory();
        _factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.BaseUrl;
        _factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        _factory.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        _factory.Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task Traces_of_an_api_request_and_the_grain_calls_it_made_are_exported_over_otlp()
    {
        var shopper = await ShopClient.NewShopper(_factory);
        await shopper.Get("/api/cart");

        // OTLP/HTTP bodies are protobuf; the span and scope names inside are plain UTF-8.
        await _collector.WaitFor(r => r.Path == "/v1/traces" && r.Body.Contains("Microsoft.AspNetCore") && r.Body.Contains("/api/cart"), TimeSpan.FromSeconds(20));
        await _collector.WaitFor(r => r.Path == "/v1/traces" && r.Body.Contains("Microsoft.Orleans") && r.Body.Contains("ICartGrain"), TimeSpan.FromSeconds(20));
        await _collector.WaitFor(r => r.Path == "/v1/metrics" && r.Body.Contains("shop.users.registered"), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_span_is_recorded_and_metrics_are_still_served()
    {
        await using var plain = new ShopApiFactory();
        var shopper = await ShopClient.NewShopper(plain);
        await shopper.Get("/api/cart");

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.NotNull(_factory.Services.GetService<TracerProvider>());
        var metrics = await plain.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("shop_users_registered", metrics);
    }

    [Fact]
    public async Task The_dashboard_is_for_admins_only()
    {
        var http = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var shopper = await ShopClient.NewShopper(_factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(http, ShopApiFactory.AdminEmail, "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(http, shopper.Email, "password-1")).StatusCode);
        var admin = await Get(http, ShopApiFactory.AdminEmail, ShopApiFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("<html", await admin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/dashboard/version")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/Reminders")]
    [InlineData("/dashboard/HistoricalStats/x")]
    [InlineData("/dashboard/SiloProperties/x")]
    [InlineData("/dashboard/SiloStats/x")]
    [InlineData("/dashboard/SiloCounters/x")]
    [InlineData("/dashboard/GrainStats/x")]
    [InlineData("/dashboard/TopGrainMethods")]
    [InlineData("/dashboard/LifecycleStages")]
    [InlineData("/dashboard/GrainTypes")]
    public async Task Every_dashboard_path_requires_an_admin(string path)
    {
        var http = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/GrainState?grainId=x&grainType=Shop.Grains.Users.UserGrain")]
    [InlineData("/dashboard/grainstate")]
    [InlineData("/dashboard/Trace")]
    public async Task The_dashboard_views_that_could_show_secrets_are_not_served_even_to_admins(string path)
    {
        var http = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ShopApiFactory.AdminEmail}:{ShopApiFactory.AdminPassword}")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http.SendAsync(request);
    }
}
