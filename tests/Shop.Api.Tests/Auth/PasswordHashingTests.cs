using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shop.Api.Features.Auth;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Auth;

/// <summary>
/// Anonymous requests cannot make a node hash passwords at will: what can be refused is refused
/// before bcrypt runs, and hashing beyond the node's queue is answered 503 with Retry-After.
/// </summary>
public sealed class PasswordHashingTests : IAsyncLifetime
{
    private ShopApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ShopApiFactory();
        // One hash at a time with one waiting, each slow enough that a burst overlaps.
        _factory.Settings["PASSWORD_HASH_CONCURRENCY"] = "1";
        _factory.Settings["PASSWORD_HASH_QUEUE"] = "1";
        _factory.Settings["BCRYPT_SALT_ROUNDS"] = "10";
        _factory.Settings["SEED_DEMO_DATA"] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private long Hashes => _factory.Services.GetRequiredService<PasswordHasher>().Computed;

    [Fact]
    public async Task Registering_a_taken_email_and_resetting_with_a_made_up_token_cost_no_hash()
    {
        var shopper = await ShopClient.NewShopper(_factory);
        var anonymous = new ShopClient(_factory.CreateClient());
        var before = Hashes;

        var taken = await anonymous.Post("/api/auth/register", new { email = shopper.Email, password = "another-password", name = "Mallory" }, HttpStatusCode.Conflict);
        Assert.Equal("account.email_taken", (string?)taken["code"]);
        await anonymous.Post("/api/auth/reset-password", new { token = $"{shopper.UserId}.made-up-secret", newPassword = "new-password-1" }, HttpStatusCode.BadRequest);
        await anonymous.Post("/api/auth/reset-password", new { token = "garbage", newPassword = "new-password-1" }, HttpStatusCode.BadRequest);

        Assert.Equal(before, Hashes);
    }

    [Fact]
    public async Task A_burst_of_registrations_beyond_the_hashing_queue_gets_503_with_retry_after_and_loses_nothing()
    {
        var http = _factory.CreateClient();
        var emails = Enumerable.Range(0, 16).Select(i => $"burst-{i}-{Guid.NewGuid():N}@example.com").ToList();
        var answers = await Task.WhenAll(emails.Select(async email =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/register", new { email, password = "burst-password", name = "Burst" });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            return (email, response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Code: (string?)body["code"]);
        }));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Equal("server.busy", a.Code));
        Assert.All(refused, a => Assert.True(a.RetryAfter >= TimeSpan.FromSeconds(1)));

        // A refused registration left nothing behind: it can be made again, and an accepted one signs in.
        var again = refused[0].email;
        using var retried = await http.PostAsJsonAsync("/api/auth/register", new { email = again, password = "burst-password", name = "Burst" });
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var accepted = answers.First(a => a.StatusCode == HttpStatusCode.Created).email;
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = accepted, password = "burst-password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
