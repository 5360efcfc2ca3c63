using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Api.Notifications;
using Shop.Grains.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

/// <summary>
/// Proof that an account's owner reads its address: a link mailed at registration (and on request),
/// valid a day (see <see cref="LinkTokens"/>). Unverified accounts can
/// shop; the shop sends them no order mail, since anyone can type anyone's address.
/// </summary>
public sealed class EmailVerification(IGrainFactory grains, Outbox<EmailMessage> outbox, IShopLinks links, TimeProvider clock)
{
    /// <summary>Mails a new link; false when none may be sent now (verified already, or one in the last minute).</summary>
    public async Task<bool> Send(UserProfile profile)
    {
        var secret = LinkTokens.NewSecret();
        var expiresAt = clock.GetUtcNow() + EmailVerificationPolicy.Lifetime;
        if (!await grains.Get<IUserGrain>(profile.Id).IssueEmailVerificationToken(LinkTokens.Hash(secret), expiresAt))
        {
            return false;
        }

        outbox.Enqueue(Message(profile.Email, profile.Language, links.Page($"/verify-email?token={profile.Id}.{secret}")));
        return true;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Verify(VerifyEmailRequest request, IGrainFactory grains)
    {
        return LinkTokens.Parse(request.Token) is { } token
            && await grains.Get<IUserGrain>(token.UserId).VerifyEmail(token.SecretHash)
            ? TypedResults.NoContent()
            : Problems.Invalid("token", "The verification link is invalid or has expired. Sign in and ask for a new one.", ErrorCodes.VerifyTokenInvalid);
    }

    /// <summary>Another link for the signed-in account: 202, 409 when verified already, 429 within a minute of the last.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> Resend(HttpContext http, IGrainFactory grains, EmailVerification verification)
    {
        if (await grains.Get<IUserGrain>(http.User.UserId()).GetProfile() is not { } profile)
        {
            return Problems.Unauthorized(ErrorCodes.AccountGone, "This account no longer exists.");
        }

        if (profile.EmailVerified)
        {
            return Problems.Problem(409, ErrorCodes.EmailVerified, "The email address is verified already.");
        }

        return await verification.Send(profile)
            ? TypedResults.Accepted((string?)null)
            : Problems.TooManyRequests(http, EmailVerificationPolicy.Cooldown, "A verification link was sent less than a minute ago. Please check your inbox.");
    }

    private static EmailMessage Message(string to, string language, string link) => language == Languages.English
        ? new EmailMessage(to, "Confirm your email address for Shop",
            $"Welcome to Shop!\n\nOpen this link within a day to confirm that this address is yours:\n{link}\n\nWe send order confirmations and shipping news only to confirmed addresses. If you did not create a Shop account, ignore this email.\n",
            "email-verification")
        : new EmailMessage(to, "请验证您的 Shop 邮箱",
            $"欢迎来到 Shop！\n\n请在一天内打开以下链接，确认此邮箱属于您：\n{link}\n\n我们只向已验证的邮箱发送订单确认和发货通知。如果您没有注册 Shop 账户，请忽略此邮件。\n",
            "email-verification");
}

public sealed record VerifyEmailRequest([property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.MaxLength(200)] string Token);
