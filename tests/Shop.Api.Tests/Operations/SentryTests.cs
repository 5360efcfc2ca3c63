using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shop.Api.Features.Catalog;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Operations;

/// <summary>
/// With SENTRY_DSN set, a server error reaches a real HTTP listener standing in for Sentry, and
/// the event carries the error but no token, cookie, query string or user.
/// </summary>
public sealed class SentryTests : IAsyncLifetime
{
    private HttpRecorder _sentry = null!;
    private ShopApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _sentry = await HttpRecorder.StartAsync(200, "{}");
        _factory = new ShopApiFactory
        {
            // A part of the API that fails inside the request pipeline, as a real bug would.
            Replace = services =>
            {
                services.RemoveAll<CatalogSnapshot>();
                services.AddSingleton<CatalogSnapshot>(_ => throw new InvalidOperationException("sentry test: the catalog exploded"));
            },
        };
        _factory.Settings["SENTRY_DSN"] = $"{_sentry.BaseUrl.Replace("http://", "http://examplePublicKey@")}/42";
        _factory.Settings["SEED_DEMO_DATA"] = "false";
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _sentry.DisposeAsync();
    }

    [Fact]
    public async Task A_server_error_is_reported_without_credentials_or_personal_data()
    {
        var shopper = await ShopClient.NewShopper(_factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/categories?q=private-search-words");
        request.Headers.Add("Cookie", "session=cookie-secret-value");

        var response = await shopper.Http.SendAsync(request);

        var problem = await Expect.Json(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("exploded", problem.ToJsonString());
        var envelope = await _sentry.WaitFor(r => r.Path == "/api/42/envelope/" && r.Body.Contains("the catalog exploded"), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(shopper.Token, envelope.Body);
        Assert.DoesNotContain("cookie-secret-value", envelope.Body);
        Assert.DoesNotContain("private-search-words", envelope.Body);
        Assert.DoesNotContain(shopper.Email, envelope.Body);
        Assert.DoesNotContain("Bearer ey", envelope.Body);
    }
}
