using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shop.Api.Features.Auth;
using Shop.Api.Tests.Support;
using Shop.Grains.Users;

namespace Shop.Api.Tests.Auth;

[Collection(ShopCollection.Name)]
public sealed class AuthTests(ShopApiFactory factory)
{
    private readonly ShopClient _anonymous = new(factory.CreateClient());

    [Fact]
    public async Task Registering_returns_a_token_and_a_customer_that_can_read_itself()
    {
        var email = $"New.User-{Guid.NewGuid():N}@Example.com";
        var auth = await _anonymous.Post("/api/auth/register", new { email, password = "password-1", name = "  新用户  " }, HttpStatusCode.Created);

        Assert.False(string.IsNullOrEmpty(auth["token"]!.GetValue<string>()));
        Assert.True(auth["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(6));
        var user = auth["user"]!.AsObject();
        Assert.Equal(email.ToLowerInvariant(), user["email"]!.GetValue<string>());
        Assert.Equal("新用户", user["name"]!.GetValue<string>());
        Assert.Equal("customer", user["role"]!.GetValue<string>());

        var client = new ShopClient(factory.CreateClient());
        client.SignIn(auth);
        var me = await client.Get("/api/auth/me");
        Assert.Equal(user["id"]!.GetValue<string>(), me["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_email_can_be_registered_once_whatever_its_case()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        await _anonymous.Post("/api/auth/register", new { email, password = "password-1", name = "A" }, HttpStatusCode.Created);

        var problem = await _anonymous.Post("/api/auth/register", new { email = email.ToUpperInvariant(), password = "password-2", name = "B" }, HttpStatusCode.Conflict);
        Assert.Contains("email", Expect.ErrorFields(problem));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_one_account()
    {
        var email = $"race-{Guid.NewGuid():N}@example.com";
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "password-1", name = $"racer {i}" })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData("not-an-email", "password-1", "Name", "email")]
    [InlineData("a@b", "password-1", "Name", "email")]
    [InlineData("ok@example.com", "short", "Name", "password")]
    [InlineData("ok@example.com", "password-1", "   ", "name")]
    [InlineData("ok@example.com", "password-1", "", "name")]
    [InlineData("ok@example.com", "password-1", "a\u0001b", "name")]
    public async Task Registration_with_bad_fields_is_refused_naming_the_field(string email, string password, string name, string field)
    {
        var problem = await _anonymous.Post("/api/auth/register", new { email, password, name }, HttpStatusCode.BadRequest);
        Assert.Contains(field, Expect.ErrorFields(problem));
    }

    [Fact]
    public async Task Registration_rejects_over_long_values()
    {
        var problem = await _anonymous.Post("/api/auth/register",
            new { email = new string('a', 250) + "@example.com", password = new string('p', 200), name = new string('n', 51) },
            HttpStatusCode.BadRequest);
        Assert.Equal(["email", "name", "password"], Expect.ErrorFields(problem).Order());
    }

    [Fact]
    public async Task A_role_cannot_be_chosen_at_registration()
    {
        var auth = await _anonymous.Post("/api/auth/register",
            new { email = $"sneaky-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Sneaky", role = "admin" },
            HttpStatusCode.Created);
        Assert.Equal("customer", auth["user"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_accepts_the_right_password_in_any_email_case()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var auth = await _anonymous.Post("/api/auth/login", new { email = shopper.Email.ToUpperInvariant(), password = "password-1" });
        Assert.Equal(shopper.UserId, auth["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var wrongPassword = await _anonymous.Post("/api/auth/login", new { email = shopper.Email, password = "wrong-password" }, HttpStatusCode.Unauthorized);
        var unknownEmail = await _anonymous.Post("/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "wrong-password" }, HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword["detail"]!.GetValue<string>(), unknownEmail["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_logins_slow_down_their_client_while_the_owner_elsewhere_signs_in()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var attacker = factory.CreateClient();
        attacker.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.7");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await attacker.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Even the right password waits from the client that guessed: it learns nothing from the answer.
        using var slowed = await attacker.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = "password-1" });
        await Expect.Json(slowed, HttpStatusCode.TooManyRequests);
        Assert.True(slowed.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var owner = factory.CreateClient();
        owner.DefaultRequestHeaders.Add(TestClientAddress.Header, "198.51.100.20");
        using var signedIn = await owner.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = "password-1" });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_with_a_stolen_token_is_slowed_down_too()
    {
        var shopper = await ShopClient.NewShopper(factory);
        for (var i = 0; i < 5; i++)
        {
            await shopper.Post("/api/auth/change-password", new { currentPassword = $"guess-{i}-xx", newPassword = "taken-over-1" }, HttpStatusCode.BadRequest);
        }

        var slowed = await shopper.Post("/api/auth/change-password", new { currentPassword = "password-1", newPassword = "taken-over-1" }, HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", (string?)slowed["code"]);
    }

    [Fact]
    public async Task The_owner_is_emailed_once_when_many_clients_fail_to_sign_in()
    {
        var shopper = await ShopClient.NewShopper(factory);
        for (var client = 0; client < 5; client++)
        {
            var http = factory.CreateClient();
            http.DefaultRequestHeaders.Add(TestClientAddress.Header, $"203.0.113.{client + 10}");
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await http.PostAsJsonAsync("/api/auth/login", new { email = shopper.Email, password = "wrong-password" });
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        }

        var warning = await factory.Emails.WaitFor(shopper.Email, "sign-in-warning");
        Assert.Contains("20", warning.TextBody);
        await Task.Delay(300);
        Assert.Equal(1, factory.Emails.CountTo(shopper.Email, "sign-in-warning"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZiIsInJvbGUiOiJhZG1pbiIsInZlciI6MH0.c2lnbmF0dXJl")]
    public async Task Me_without_a_valid_token_is_401(string? authorization)
    {
        var client = factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        await Expect.Json(await client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_changed_through_another_node_retires_the_old_token_here_within_a_second()
    {
        var shopper = await ShopClient.NewShopper(factory);
        await shopper.Get("/api/auth/me"); // this node now holds the account's token version

        // Another API node changed the password: this one is not told, and finds out within a second.
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(shopper.UserId).ChangePasswordHash("elsewhere");
        await Task.Delay(AuthStamps.Lifetime + TimeSpan.FromMilliseconds(200));

        await shopper.Get("/api/auth/me", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_retires_tokens_issued_before_it()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var oldToken = shopper.Token;

        await shopper.Post("/api/auth/change-password", new { currentPassword = "password-1", newPassword = "password-2" }, HttpStatusCode.NoContent);

        await shopper.Get("/api/auth/me", HttpStatusCode.Unauthorized);
        await _anonymous.Post("/api/auth/login", new { email = shopper.Email, password = "password-1" }, HttpStatusCode.Unauthorized);
        var fresh = await _anonymous.Post("/api/auth/login", new { email = shopper.Email, password = "password-2" });
        Assert.NotEqual(oldToken, fresh["token"]!.GetValue<string>());
        shopper.SignIn(fresh);
        await shopper.Get("/api/auth/me");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var problem = await shopper.Post("/api/auth/change-password", new { currentPassword = "not-it-at-all", newPassword = "password-2" }, HttpStatusCode.BadRequest);
        Assert.Contains("currentPassword", Expect.ErrorFields(problem));
        await shopper.Get("/api/auth/me");
    }

    [Fact]
    public async Task Forgot_password_answers_202_for_unknown_emails_and_sends_nothing()
    {
        var email = $"ghost-{Guid.NewGuid():N}@example.com";
        await _anonymous.Post("/api/auth/forgot-password", new { email }, HttpStatusCode.Accepted);
        await Task.Delay(300);
        Assert.Equal(0, factory.Emails.CountTo(email));
    }

    [Fact]
    public async Task Asking_for_reset_links_again_and_again_sends_one_and_it_still_works()
    {
        var shopper = await ShopClient.NewShopper(factory);
        for (var i = 0; i < 5; i++)
        {
            await _anonymous.Post("/api/auth/forgot-password", new { email = shopper.Email }, HttpStatusCode.Accepted);
        }

        var email = await factory.Emails.WaitFor(shopper.Email, "password-reset");
        await Task.Delay(500);
        Assert.Equal(1, factory.Emails.CountTo(shopper.Email, "password-reset"));
        var token = System.Text.RegularExpressions.Regex.Match(email.TextBody, @"reset-password\?token=(\S+)").Groups[1].Value;
        await _anonymous.Post("/api/auth/reset-password", new { token, newPassword = "after-the-flood" }, HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Forgot_password_answers_known_and_unknown_emails_alike_in_body_and_time()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var http = factory.CreateClient();
        var known = new List<double>();
        var unknown = new List<double>();
        string? knownBody = null, unknownBody = null;
        for (var i = 0; i < 25; i++)
        {
            foreach (var (email, times) in new[] { (shopper.Email, known), ($"ghost-{Guid.NewGuid():N}@example.com", unknown) })
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/auth/forgot-password", new { email });
                var body = await response.Content.ReadAsStringAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                (email == shopper.Email ? ref knownBody : ref unknownBody) = body;
            }
        }

        Assert.Equal(knownBody, unknownBody);
        // The account is looked up after the answer, so the two differ by scheduling noise only.
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var difference = Math.Abs(Median(known) - Median(unknown));
        Assert.True(difference < 5, $"median {Median(known):0.00} ms for a known email, {Median(unknown):0.00} ms for an unknown one");
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_retires_old_tokens()
    {
        var shopper = await ShopClient.NewShopper(factory);
        await _anonymous.Post("/api/auth/forgot-password", new { email = shopper.Email }, HttpStatusCode.Accepted);
        var email = await factory.Emails.WaitFor(shopper.Email, "password-reset");
        var token = System.Text.RegularExpressions.Regex.Match(email.TextBody, @"reset-password\?token=(\S+)").Groups[1].Value;
        Assert.NotEmpty(token);

        await _anonymous.Post("/api/auth/reset-password", new { token, newPassword = "brand-new-pass" }, HttpStatusCode.NoContent);

        await shopper.Get("/api/auth/me", HttpStatusCode.Unauthorized);
        await _anonymous.Post("/api/auth/login", new { email = shopper.Email, password = "brand-new-pass" });
        var reused = await _anonymous.Post("/api/auth/reset-password", new { token, newPassword = "another-pass-1" }, HttpStatusCode.BadRequest);
        Assert.Contains("token", Expect.ErrorFields(reused));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("0123456789abcdef0123456789abcdef.not-the-secret")]
    public async Task A_made_up_reset_token_is_refused(string token)
    {
        var problem = await _anonymous.Post("/api/auth/reset-password", new { token, newPassword = "brand-new-pass" }, HttpStatusCode.BadRequest);
        Assert.Contains("token", Expect.ErrorFields(problem));
    }

    [Fact]
    public async Task A_profile_update_changes_only_what_is_sent_and_never_the_role()
    {
        var shopper = await ShopClient.NewShopper(factory, name: "原名");
        var address = new { name = "收货人", phone = "+86 138-0000-0000", line1 = "长安街 1 号", city = "北京" };
        var updated = await shopper.Put("/api/users/me", new { phone = "13900000000", defaultAddress = address, role = "admin", language = "en-US" });

        Assert.Equal("原名", updated["name"]!.GetValue<string>());
        Assert.Equal("13900000000", updated["phone"]!.GetValue<string>());
        Assert.Equal("北京", updated["defaultAddress"]!["city"]!.GetValue<string>());
        Assert.Equal("en-US", updated["language"]!.GetValue<string>());
        Assert.Equal("customer", updated["role"]!.GetValue<string>());

        var renamed = await shopper.Put("/api/users/me", new { name = "新名", phone = "" });
        Assert.Equal("新名", renamed["name"]!.GetValue<string>());
        Assert.Null(renamed["phone"]);
        Assert.Equal("北京", renamed["defaultAddress"]!["city"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"phone":"call me"}""", "phone")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"language":"fr-FR"}""", "language")]
    [InlineData("""{"name":"a\u0000b"}""", "name")]
    [InlineData("""{"name":"admin\u200B"}""", "name")]
    [InlineData("""{"name":"\u202Enimda"}""", "name")]
    [InlineData("""{"defaultAddress":{"name":"A","phone":"13800000000","line1":"Road\u001b[2J","city":"B"}}""", "defaultAddress.line1")]
    [InlineData("""{"defaultAddress":{"name":"A","phone":"13800000000","line1":"","city":"B"}}""", "defaultAddress.line1")]
    public async Task A_bad_profile_update_is_refused_and_changes_nothing(string body, string field)
    {
        var shopper = await ShopClient.NewShopper(factory, name: "Kept");
        var response = await shopper.Http.PutAsync("/api/users/me", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Expect.Json(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, Expect.ErrorFields(problem));
        Assert.Equal("Kept", (await shopper.Get("/api/auth/me"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_account_gets_a_verification_link_that_proves_the_address()
    {
        var shopper = await ShopClient.NewShopper(factory);
        var mail = await factory.Emails.WaitFor(shopper.Email, "email-verification");
        Assert.Contains("/verify-email?token=", mail.TextBody);
        Assert.False((await shopper.Get("/api/auth/me"))["emailVerified"]!.GetValue<bool>());

        // Asked again at once: the owner is told to check the inbox, and no second mail goes out.
        var tooSoon = await shopper.Post("/api/auth/verify-email/resend", null, HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", (string?)tooSoon["code"]);

        // The link works without signing in (it may be opened on another device), and again once used.
        await new ShopClient(factory.CreateClient()).VerifyEmail(mail.TextBody);
        await new ShopClient(factory.CreateClient()).VerifyEmail(mail.TextBody);
        Assert.True((await shopper.Get("/api/auth/me"))["emailVerified"]!.GetValue<bool>());
        var done = await shopper.Post("/api/auth/verify-email/resend", null, HttpStatusCode.Conflict);
        Assert.Equal("auth.email_verified", (string?)done["code"]);
        Assert.Equal(1, factory.Emails.CountTo(shopper.Email, "email-verification"));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("0123456789abcdef0123456789abcdef.bm90LXRoZS1zZWNyZXQ")]
    [InlineData(".")]
    public async Task A_made_up_verification_token_is_a_400_and_verifies_nothing(string token)
    {
        var problem = await _anonymous.Post("/api/auth/verify-email", new { token }, HttpStatusCode.BadRequest);
        Assert.Equal("auth.verify_token_invalid", (string?)problem["code"]);
    }

    [Fact]
    public async Task Another_accounts_link_secret_does_not_verify_this_account()
    {
        var owner = await ShopClient.NewShopper(factory);
        var other = await ShopClient.NewShopper(factory);
        var mail = await factory.Emails.WaitFor(other.Email, "email-verification");
        var secret = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"token=[^.]+\.(\S+)").Groups[1].Value;

        await _anonymous.Post("/api/auth/verify-email", new { token = $"{owner.UserId}.{secret}" }, HttpStatusCode.BadRequest);
        Assert.False((await owner.Get("/api/auth/me"))["emailVerified"]!.GetValue<bool>());
    }
}
