using Shop.Api.Notifications;
using Shop.Grains.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

/// <summary>The outcome of a password check: a wait imposed on this client, a failure, or the account it opened.</summary>
public sealed record SignInCheck(TimeSpan? Wait, IUserGrain? User, UserCredentials? Credentials)
{
    public bool Succeeded => Credentials is not null;
}

/// <summary>
/// Every password check against an account (sign-in, the dashboard's Basic sign-in, change-password)
/// goes through here: throttled per account and client address by the account's email grain, and
/// the owner is emailed once when the account sees many failures.
/// </summary>
public sealed class SignInGuard(IGrainFactory grains, PasswordHasher hasher, Outbox<EmailMessage> outbox, ILogger<SignInGuard> logger)
{
    public async Task<SignInCheck> Check(string email, string password, string client, CancellationToken cancellationToken)
    {
        var emailGrain = grains.EmailIndexOf(email);
        if (await emailGrain.BeginLoginAttempt(client) is { } wait)
        {
            return new SignInCheck(wait, null, null);
        }

        // An attempt that throws (a full hashing queue) is not ended: it stops counting after 30 s
        // and is not held against the client as a failure.
        var userId = await emailGrain.GetUserId(email);
        var user = userId is null ? null : grains.Get<IUserGrain>(userId);
        var credentials = user is null ? null : await user.GetCredentials();
        var valid = await hasher.Verify(password, credentials?.PasswordHash, cancellationToken);
        if (await emailGrain.EndLoginAttempt(client, valid) && user is not null)
        {
            await WarnOwner(user);
        }

        return valid ? new SignInCheck(null, user, credentials) : new SignInCheck(null, null, null);
    }

    private async Task WarnOwner(IUserGrain user)
    {
        if (await user.GetProfile() is not { } profile)
        {
            return;
        }

        logger.LogWarning("Account {UserId} saw {Count} failed sign-ins within the window; its owner is told", profile.Id, ShopRulesOptions.FailuresToTellOwner);
        outbox.Enqueue(profile.Language == Languages.English
            ? new EmailMessage(profile.Email, "Failed sign-ins on your Shop account",
                $"Someone tried to sign in to your Shop account with a wrong password at least {ShopRulesOptions.FailuresToTellOwner} times in the last few minutes.\n\nIf it was you, you can reset your password from the sign-in page. If not, nothing is needed: your password was not accepted and those attempts are slowed down. Choosing a long, unique password keeps them out.\n",
                "sign-in-warning")
            : new EmailMessage(profile.Email, "您的 Shop 账户有多次登录失败",
                $"最近几分钟内，有人使用错误的密码尝试登录您的 Shop 账户至少 {ShopRulesOptions.FailuresToTellOwner} 次。\n\n如果是您本人，可在登录页找回密码。如果不是，无需任何操作：这些密码均未通过，且后续尝试会被放慢。使用一个足够长且独有的密码可以防止他人登录。\n",
                "sign-in-warning"));
    }
}
