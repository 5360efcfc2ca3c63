using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Grains.Tests.Users;

[Collection(ClusterCollection.Name)]
public sealed class UserTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static NewUser NewUser(string email) => new(email, "名字", "hash", Roles.Customer, Languages.Chinese);

    [Fact]
    public async Task Concurrent_registrations_of_one_email_make_one_account()
    {
        var email = $"{ShopIds.New()}@example.com";
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _grains.EmailIndexOf(email).Register(NewUser(email))));

        var winner = Assert.Single(outcomes, o => o.IsSuccess);
        Assert.Equal(winner.Value!.Id, await _grains.EmailIndexOf(email).GetUserId(email));
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal(ErrorKind.Conflict, o.Error!.Kind));
    }

    [Fact]
    public async Task Failed_logins_slow_down_the_client_that_made_them_and_not_the_owner_elsewhere()
    {
        var email = _grains.EmailIndexOf($"{ShopIds.New()}@example.com");
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await email.BeginLoginAttempt("203.0.113.7"));
            await email.EndLoginAttempt("203.0.113.7", succeeded: false);
        }

        var wait = await email.BeginLoginAttempt("203.0.113.7");
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));

        Assert.Null(await email.BeginLoginAttempt("198.51.100.20"));
        Assert.False(await email.EndLoginAttempt("198.51.100.20", succeeded: true));
    }

    [Fact]
    public async Task Parallel_attempts_from_one_client_cannot_slip_past_the_limit()
    {
        var email = _grains.EmailIndexOf($"{ShopIds.New()}@example.com");

        var begun = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => email.BeginLoginAttempt("203.0.113.7")));

        Assert.Equal(5, begun.Count(wait => wait is null));
    }

    [Fact]
    public async Task A_password_change_moves_the_token_version_on()
    {
        var user = _grains.GetGrain<IUserGrain>(ShopIds.New());
        await user.Create(NewUser("x@example.com"));
        var before = (await user.GetAuthStamp())!.TokenVersion;

        await user.ChangePasswordHash("new-hash");

        Assert.Equal(before + 1, (await user.GetAuthStamp())!.TokenVersion);
        Assert.Equal("new-hash", (await user.GetCredentials())!.PasswordHash);
    }

    [Fact]
    public async Task A_reset_token_works_once_and_not_after_it_expires()
    {
        var user = _grains.GetGrain<IUserGrain>(ShopIds.New());
        await user.Create(NewUser("y@example.com"));

        Assert.True(await user.IssuePasswordResetToken("token-hash", DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.True(await user.HasPasswordResetToken("token-hash"));
        Assert.False(await user.ResetPassword("other-hash", "h1"));
        Assert.True(await user.ResetPassword("token-hash", "h2"));
        Assert.False(await user.ResetPassword("token-hash", "h3"));
        Assert.False(await user.HasPasswordResetToken("token-hash"));

        Assert.True(await user.IssuePasswordResetToken("expired-hash", DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.False(await user.ResetPassword("expired-hash", "h4"));
        Assert.Equal("h2", (await user.GetCredentials())!.PasswordHash);
    }

    [Fact]
    public async Task A_second_reset_link_within_a_minute_is_refused_and_the_first_stays_valid()
    {
        var user = _grains.GetGrain<IUserGrain>(ShopIds.New());
        await user.Create(NewUser("flood@example.com"));

        Assert.True(await user.IssuePasswordResetToken("first", DateTimeOffset.UtcNow.AddHours(1)));
        Assert.False(await user.IssuePasswordResetToken("second", DateTimeOffset.UtcNow.AddHours(1)));

        Assert.True(await user.HasPasswordResetToken("first"));
        Assert.False(await user.HasPasswordResetToken("second"));
        Assert.False(await _grains.GetGrain<IUserGrain>(ShopIds.New()).IssuePasswordResetToken("ghost", DateTimeOffset.UtcNow.AddHours(1)));
    }

    [Fact]
    public void Reset_links_are_limited_to_one_a_minute_and_five_an_hour()
    {
        var now = DateTimeOffset.UtcNow;
        StoredResetToken IssuedAgo(int minutes) => new("h" + minutes, now.AddMinutes(-minutes), now.AddMinutes(60 - minutes));

        Assert.True(ResetLinkPolicy.MayIssue([], now));
        Assert.False(ResetLinkPolicy.MayIssue([IssuedAgo(0)], now));
        Assert.True(ResetLinkPolicy.MayIssue([IssuedAgo(2)], now));
        Assert.True(ResetLinkPolicy.MayIssue([IssuedAgo(50), IssuedAgo(40), IssuedAgo(30), IssuedAgo(20)], now));
        Assert.False(ResetLinkPolicy.MayIssue([IssuedAgo(50), IssuedAgo(40), IssuedAgo(30), IssuedAgo(20), IssuedAgo(10)], now));
    }

    [Fact]
    public async Task A_profile_update_keeps_what_is_not_sent()
    {
        var user = _grains.GetGrain<IUserGrain>(ShopIds.New());
        await user.Create(NewUser("z@example.com"));
        await user.UpdateProfile(new ProfileUpdate(null, "13800000000", Shopping.Address, null));

        var updated = (await user.UpdateProfile(new ProfileUpdate("新名字", null, null, Languages.English))).Value!;

        Assert.Equal("新名字", updated.Name);
        Assert.Equal("13800000000", updated.Phone);
        Assert.Equal(Shopping.Address, updated.DefaultAddress);
        Assert.Equal(Languages.English, updated.Language);
        Assert.Equal(Roles.Customer, updated.Role);
    }

    [Fact]
    public async Task A_new_account_is_verified_by_its_link_only_and_links_come_at_most_one_a_minute()
    {
        var email = $"{ShopIds.New()}@example.com";
        var user = _grains.GetGrain<IUserGrain>((await _grains.EmailIndexOf(email).Register(NewUser(email))).Value!.Id);
        Assert.False((await user.GetProfile())!.EmailVerified);

        Assert.True(await user.IssueEmailVerificationToken("hash-1", DateTimeOffset.UtcNow.AddDays(1)));
        Assert.False(await user.IssueEmailVerificationToken("hash-2", DateTimeOffset.UtcNow.AddDays(1))); // within the minute
        Assert.False(await user.VerifyEmail("hash-2"));
        Assert.False((await user.GetProfile())!.EmailVerified);

        Assert.True(await user.VerifyEmail("hash-1"));
        Assert.True(await user.VerifyEmail("hash-1")); // the same link again
        Assert.True((await user.GetProfile())!.EmailVerified);
        Assert.False(await user.IssueEmailVerificationToken("hash-3", DateTimeOffset.UtcNow.AddDays(1)));
    }

    [Fact]
    public async Task An_expired_link_verifies_nothing()
    {
        var email = $"{ShopIds.New()}@example.com";
        var user = _grains.GetGrain<IUserGrain>((await _grains.EmailIndexOf(email).Register(NewUser(email))).Value!.Id);
        Assert.True(await user.IssueEmailVerificationToken("hash-old", DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.False(await user.VerifyEmail("hash-old"));
        Assert.False((await user.GetProfile())!.EmailVerified);
    }
}
