using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Api.Notifications;
using Shop.Grains.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

/// <summary>
/// Forgot / reset password. The token (<see cref="LinkTokens"/>) lives an hour. An account gets at most one link a minute and five an hour (see
/// <see cref="IUserGrain.IssuePasswordResetToken"/>); earlier links stay valid until they expire
/// or one is used.
/// </summary>
public static class PasswordReset
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// 202 at once, for every email: the account is looked up afterwards (<see cref="PasswordResetIssuer"/>),
    /// so neither the answer nor its timing tells a stranger whether the account exists.
    /// </summary>
    public static Accepted Forgot(ForgotPasswordRequest request, PasswordResetRequests requests)
    {
        requests.Enqueue(ShopIds.NormalizeEmail(request.Email));
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        ResetPasswordRequest request, IGrainFactory grains, PasswordHasher hasher, AuthStamps stamps, CancellationToken cancellationToken)
    {
        // The token is checked before the new password is hashed: a made-up token costs no bcrypt.
        if (LinkTokens.Parse(request.Token) is not { } token
            || !await grains.Get<IUserGrain>(token.UserId).HasPasswordResetToken(token.SecretHash)
            || !await grains.Get<IUserGrain>(token.UserId).ResetPassword(token.SecretHash, await hasher.Hash(request.NewPassword, cancellationToken)))
        {
            return Problems.Invalid("token", "The reset link is invalid or has expired. Ask for a new one.", ErrorCodes.ResetTokenInvalid);
        }

        stamps.Forget(token.UserId);
        return TypedResults.NoContent();
    }
}

/// <summary>Emails that asked for a reset link, waiting for <see cref="PasswordResetIssuer"/>; a flood beyond the bound is dropped.</summary>
public sealed class PasswordResetRequests
{
    private readonly Channel<string> _emails = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string normalizedEmail) => _emails.Writer.TryWrite(normalizedEmail);

    public ChannelReader<string> Reader => _emails.Reader;
}

/// <summary>Looks each requesting email up and, when the account exists and may have another link, emails one.</summary>
internal sealed class PasswordResetIssuer(
    PasswordResetRequests requests, IGrainFactory grains, Outbox<EmailMessage> outbox, IShopLinks links, TimeProvider clock, ILogger<PasswordResetIssuer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Issue(email);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The type only: the message may quote the address.
                logger.LogError("Could not issue a password reset link: {Error}", e.GetType().Name);
            }
        }
    }

    private async Task Issue(string email)
    {
        if (await grains.EmailIndexOf(email).GetUserId(email) is not { } userId)
        {
            return;
        }

        var user = grains.Get<IUserGrain>(userId);
        var secret = LinkTokens.NewSecret();
        if (!await user.IssuePasswordResetToken(LinkTokens.Hash(secret), clock.GetUtcNow() + PasswordReset.Lifetime))
        {
            logger.LogInformation("A password reset link was asked for again too soon; none sent");
            return;
        }

        var profile = await user.GetProfile();
        outbox.Enqueue(ResetEmail(email, profile?.Language, links.Page($"/reset-password?token={userId}.{secret}")));
    }

    private static EmailMessage ResetEmail(string to, string? language, string link) => language == Languages.English
        ? new EmailMessage(to, "Reset your Shop password",
            $"Someone asked to reset the password of your Shop account.\n\nOpen this link within an hour to choose a new password:\n{link}\n\nIf it was not you, ignore this email; your password stays as it is.\n",
            "password-reset")
        : new EmailMessage(to, "重置您的 Shop 密码",
            $"我们收到了重置您 Shop 账户密码的请求。\n\n请在一小时内打开以下链接设置新密码：\n{link}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。\n",
            "password-reset");
}
