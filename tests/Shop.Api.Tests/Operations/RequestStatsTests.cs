using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Shop.Api.Alerts;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

/// <summary>What the error-rate alert counts: the server's failures, never a client's mistakes.</summary>
public sealed class RequestStatsTests : IAsyncLifetime
{
    private readonly ShopApiFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["SEED_DEMO_DATA"] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Malformed_requests_are_counted_but_not_as_errors()
    {
        var client = _factory.CreateClient();
        var stats = _factory.Services.GetRequiredService<RequestStats>();
        var badRequests = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.PostAsync("/api/auth/login", new StringContent("{not json", Encoding.UTF8, "application/json")),
            () => client.PostAsync("/api/auth/register", new StringContent("""{"email":123}""", Encoding.UTF8, "application/json")),
            () => client.GetAsync("/api/products?pageSize=abc"),
            () => client.GetAsync("/api/no-such-route"),
        };

        foreach (var send in badRequests)
        {
            var answer = await send();
            Assert.InRange((int)answer.StatusCode, 400, 499);
        }

        var (errorRate, _) = stats.Summarize(TimeSpan.FromMinutes(10), minRequests: badRequests.Length);
        Assert.Equal(0, errorRate);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);
    }
}
