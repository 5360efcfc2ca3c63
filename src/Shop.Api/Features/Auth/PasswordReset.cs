using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Api.Notifications;
using Shop.Grains.Common;
using Shop.Grains.Notifications;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

/// <summary>
/// Forgot / reset password. The token is "{userId}.{secret}"; only a hash of the secret is stored,
/// it lives an hour, and a new one or a password change retires the old.
/// </summary>
public static class PasswordReset
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static async Task<Accepted> Forgot(
        ForgotPasswordRequest request, IGrainFactory grains, Outbox<EmailMessage> outbox, IShopLinks links, TimeProvider clock)
    {
        // 202 whether or not the account exists, so the answer reveals nothing.
        var email = ShopIds.NormalizeEmail(request.Email);
        if (await grains.GetGrain<IUserEmailGrain>(email).GetUserId() is { } userId)
        {
            var user = grains.GetGrain<IUserGrain>(userId);
            var profile = await user.GetProfile();
            var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            await user.SetPasswordResetToken(HashSecret(secret), clock.GetUtcNow() + Lifetime);
            var link = links.Page($"/reset-password?token={userId}.{secret}");
            outbox.Enqueue(ResetEmail(email, profile?.Language, link));
        }

        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        ResetPasswordRequest request, IGrainFactory grains, PasswordHasher hasher, AuthStamps stamps)
    {
        var parts = request.Token.Split('.');
        if (parts.Length != 2 || !Ids.IsWellFormed(parts[0])
            || !await grains.GetGrain<IUserGrain>(parts[0]).ResetPassword(HashSecret(parts[1]), hasher.Hash(request.NewPassword)))
        {
            return Problems.Invalid("token", "The reset link is invalid or has expired. Ask for a new one.", ErrorCodes.ResetTokenInvalid);
        }

        stamps.Forget(parts[0]);
        return TypedResults.NoContent();
    }

    private static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static EmailMessage ResetEmail(string to, string? language, string link) => language == Languages.English
        ? new EmailMessage(to, "Reset your Shop password",
            $"Someone asked to reset the password of your Shop account.\n\nOpen this link within an hour to choose a new password:\n{link}\n\nIf it was not you, ignore this email; your password stays as it is.\n",
            "password-reset")
        : new EmailMessage(to, "重置您的 Shop 密码",
            $"我们收到了重置您 Shop 账户密码的请求。\n\n请在一小时内打开以下链接设置新密码：\n{link}\n\n如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。\n",
            "password-reset");
}
