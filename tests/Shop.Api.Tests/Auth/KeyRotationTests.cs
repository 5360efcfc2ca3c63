using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.Api.Features.Auth;
using Shop.Api.Tests.Support;

namespace Shop.Api.Tests.Auth;

/// <summary>
/// Three API nodes of one key rotation: during it (JWT_SECRET new, JWT_SECRET_PREVIOUS old), after
/// it (new only), and before it (old only). Each has its own embedded silo, so a token is replayed
/// on a node with its claims re-signed: the account exists there and only the key decides.
/// </summary>
public sealed class KeyRotationHosts : IDisposable
{
    public const string OldSecret = "the-old-jwt-secret-of-the-rotation-tests-0123456789";
    public const string NewSecret = "the-new-jwt-secret-of-the-rotation-tests-9876543210";

    public ShopApiFactory Rotating { get; } = Host(NewSecret, OldSecret);

    public ShopApiFactory NewOnly { get; } = Host(NewSecret, previous: null);

    public ShopApiFactory OldOnly { get; } = Host(OldSecret, previous: null);

    public void Dispose()
    {
        Rotating.Dispose();
        NewOnly.Dispose();
        OldOnly.Dispose();
    }

    private static ShopApiFactory Host(string secret, string? previous)
    {
        var factory = new ShopApiFactory();
        factory.Settings["JWT_SECRET"] = secret;
        if (previous is not null)
        {
            factory.Settings["JWT_SECRET_PREVIOUS"] = previous;
        }

        return factory;
    }
}

public sealed class KeyRotationTests(KeyRotationHosts hosts) : IClassFixture<KeyRotationHosts>
{
    [Fact]
    public async Task During_a_rotation_a_token_signed_with_the_previous_secret_is_still_accepted()
    {
        var shopper = await ShopClient.NewShopper(hosts.Rotating);
        var oldToken = SignedWith(shopper.Token, KeyRotationHosts.OldSecret);

        using var response = await Me(hosts.Rotating, oldToken);
        var me = await Expect.Json(response, HttpStatusCode.OK);
        Assert.Equal(shopper.UserId, me["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Once_the_previous_secret_is_removed_its_tokens_are_refused()
    {
        var shopper = await ShopClient.NewShopper(hosts.NewOnly);

        using var refused = await Me(hosts.NewOnly, SignedWith(shopper.Token, KeyRotationHosts.OldSecret));
        await Expect.Json(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("signature", refused.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);

        // The same claims signed with the current secret pass: only the key was refused.
        using var accepted = await Me(hosts.NewOnly, SignedWith(shopper.Token, KeyRotationHosts.NewSecret));
        await Expect.Json(accepted, HttpStatusCode.OK);
    }

    [Fact]
    public async Task New_tokens_are_signed_with_the_new_secret_never_the_previous_one()
    {
        var shopper = await ShopClient.NewShopper(hosts.Rotating);

        Assert.True((await Validate(shopper.Token, KeyRotationHosts.NewSecret)).IsValid);
        Assert.False((await Validate(shopper.Token, KeyRotationHosts.OldSecret)).IsValid);

        // A node that knows only the old secret refuses the rotated node's token for its signature.
        using var refused = await Me(hosts.OldOnly, shopper.Token);
        await Expect.Json(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("signature", refused.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_login_during_the_rotation_works_with_the_new_secret_alone()
    {
        var shopper = await ShopClient.NewShopper(hosts.Rotating);
        var login = await new ShopClient(hosts.Rotating.CreateClient())
            .Post("/api/auth/login", new { email = shopper.Email, password = "password-1" });
        var token = login["token"]!.GetValue<string>();

        Assert.True((await Validate(token, KeyRotationHosts.NewSecret)).IsValid);
        Assert.False((await Validate(token, KeyRotationHosts.OldSecret)).IsValid);
    }

    private static async Task<HttpResponseMessage> Me(ShopApiFactory host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/auth/me");
    }

    /// <summary>The token's claims, signed with <paramref name="secret"/> as an API node turns it into a key.</summary>
    private static string SignedWith(string token, string secret)
    {
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));
        Assert.NotNull(JsonNode.Parse(payload)?["sub"]);
        return new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(Key(secret), SecurityAlgorithms.HmacSha256));
    }

    private static Task<TokenValidationResult> Validate(string token, string secret) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TokenService.Issuer,
            ValidAudience = TokenService.Audience,
            IssuerSigningKey = Key(secret),
        });

    private static SymmetricSecurityKey Key(string secret) =>
        new(AuthSettings.From(new AuthOptions { Secret = secret }).SigningKey);
}
