using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Features.Users;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Features.Auth;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", Register).RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/login", Login).RequireRateLimiting(RateLimits.Auth);
        group.MapGet("/me", Me).RequireAuthorization();
        group.MapPost("/change-password", ChangePassword).RequireAuthorization();
        group.MapPost("/forgot-password", PasswordReset.Forgot).RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/reset-password", PasswordReset.Reset).RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/verify-email", EmailVerification.Verify).RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/verify-email/resend", EmailVerification.Resend).RequireAuthorization();
        return group;
    }

    public static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, IGrainFactory grains, PasswordHasher hasher, TokenService tokens, EmailVerification verification,
        CancellationToken cancellationToken)
    {
        var email = ShopIds.NormalizeEmail(request.Email);
        var emailGrain = grains.EmailIndexOf(email);
        // A taken email is refused before the password is hashed, so it costs no bcrypt (the
        // registration below still refuses it if another one wins the race meanwhile).
        if (await emailGrain.GetUserId(email) is not null)
        {
            return Problems.From(UserErrors.EmailTaken());
        }

        var user = new NewUser(email, request.Name.Trim(), await hasher.Hash(request.Password, cancellationToken), Roles.Customer,
            request.Language ?? Languages.Chinese);
        var created = await emailGrain.Register(user);
        // The link goes out with the account; the answer is the one mapping of an outcome (Problems).
        if (created.Value is { } profile)
        {
            await verification.Send(profile);
        }

        return created.ToCreatedResult(_ => "/api/auth/me", registered => tokens.Issue(registered, tokenVersion: 0));
    }

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInGuard guard, TokenService tokens, CancellationToken cancellationToken)
    {
        var check = await guard.Check(request.Email, request.Password, RateLimits.AddressKey(http), cancellationToken);
        if (check.Wait is { } wait)
        {
            return Problems.TooManyRequests(http, wait, "Too many failed sign-in attempts from here. Please wait and try again.");
        }

        if (!check.Succeeded)
        {
            return Problems.Unauthorized(ErrorCodes.InvalidCredentials, "The email or password is incorrect.");
        }

        var profile = await check.User!.GetProfile();
        return TypedResults.Ok(tokens.Issue(profile!, check.Credentials!.TokenVersion));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(HttpContext http, IGrainFactory grains) =>
        await grains.Get<IUserGrain>(http.User.UserId()).GetProfile() is { } profile
            ? TypedResults.Ok(UserResponse.From(profile))
            : Problems.Unauthorized(ErrorCodes.AccountGone, "The account no longer exists.");

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext http, IGrainFactory grains, SignInGuard guard, PasswordHasher hasher, AuthStamps stamps,
        CancellationToken cancellationToken)
    {
        // The current password is checked like a sign-in: a stolen token does not allow unlimited guesses.
        var user = grains.Get<IUserGrain>(http.User.UserId());
        if (await user.GetProfile() is not { } profile)
        {
            return Problems.Unauthorized(ErrorCodes.AccountGone, "The account no longer exists.");
        }

        var check = await guard.Check(profile.Email, request.CurrentPassword, RateLimits.AddressKey(http), cancellationToken);
        if (check.Wait is { } wait)
        {
            return Problems.TooManyRequests(http, wait, "Too many wrong passwords from here. Please wait and try again.");
        }

        if (!check.Succeeded)
        {
            return Problems.Invalid("currentPassword", "The current password is incorrect.", ErrorCodes.WrongPassword);
        }

        await user.ChangePasswordHash(await hasher.Hash(request.NewPassword, cancellationToken));
        stamps.Forget(http.User.UserId());
        return TypedResults.NoContent();
    }
}
