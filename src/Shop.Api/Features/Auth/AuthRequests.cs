using System.ComponentModel.DataAnnotations;
using Shop.Api.Infrastructure;

namespace Shop.Api.Features.Auth;

public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const string LengthMessage = "The password must be 8 to 128 characters long.";
}

public sealed record RegisterRequest(
    [property: Required, ValidEmail, MaxLength(254)] string Email,
    [property: Required, StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength, ErrorMessage = PasswordRules.LengthMessage)] string Password,
    [property: Required(ErrorMessage = "The name cannot be empty."), MaxLength(50), PlainText] string Name,
    [property: RegularExpression("^(zh-CN|en-US)$", ErrorMessage = "language must be zh-CN or en-US.")] string? Language = null);

public sealed record LoginRequest(
    [property: Required, MaxLength(254)] string Email,
    [property: Required, MaxLength(PasswordRules.MaxLength)] string Password);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(PasswordRules.MaxLength)] string CurrentPassword,
    [property: Required, StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength, ErrorMessage = PasswordRules.LengthMessage)] string NewPassword);

public sealed record ForgotPasswordRequest(
    [property: Required, MaxLength(254)] string Email);

public sealed record ResetPasswordRequest(
    [property: Required, MaxLength(200)] string Token,
    [property: Required, StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength, ErrorMessage = PasswordRules.LengthMessage)] string NewPassword);
