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
        group.MapPost("/register", Register).RequireRateLimiting(AuthenticationSetup.AuthRateLimit);
        group.MapPost("/login", Login).RequireRateLimiting(AuthenticationSetup.AuthRateLimit);
        group.MapGet("/me", Me).RequireAuthorization();
        group.MapPost("/change-password", ChangePassword).RequireAuthorization();
        group.MapPost("/forgot-password", PasswordReset.Forgot).RequireRateLimiting(AuthenticationSetup.AuthRateLimit);
        group.MapPost("/reset-password", PasswordReset.Reset).RequireRateLimiting(AuthenticationSetup.AuthRateLimit);
        return group;
    }

    public static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, IGrainFactory grains, PasswordHasher hasher, TokenService tokens, CancellationToken cancellationToken)
    {
        var email = ShopIds.NormalizeEmail(request.Email);
        var emailGrain = grains.GetGrain<IUserEmailGrain>(email);
        // A taken email is refused before the password is hashed, so it costs no bcrypt (the
        // registration below still refuses it if another one wins the race meanwhile).
        if (await emailGrain.GetUserId() is not null)
        {
            return Problems.From(UserErrors.EmailTaken());
        }

        var user = new NewUser(email, request.Name.Trim(), await hasher.Hash(request.Password, cancellationToken), Roles.Customer,
            request.Language ?? Languages.Chinese);
        var created = await emailGrain.Register(user);
        return created.Value is { } profile
            ? TypedResults.Created("/api/auth/me", tokens.Issue(profile, tokenVersion: 0))
            : Problems.From(created.Error!);
    }

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, IGrainFactory grains, PasswordHasher hasher, TokenService tokens, CancellationToken cancellationToken)
    {
        var emailGrain = grains.GetGrain<IUserEmailGrain>(ShopIds.NormalizeEmail(request.Email));
        if (await emailGrain.BeginLoginAttempt() is { } wait)
        {
            return Problems.TooManyRequests(http, wait, "Too many failed sign-in attempts for this account. Please wait and try again.");
        }

        var userId = await emailGrain.GetUserId();
        var user = userId is null ? null : grains.GetGrain<IUserGrain>(userId);
        var credentials = user is null ? null : await user.GetCredentials();
        var valid = await hasher.Verify(request.Password, credentials?.PasswordHash, cancellationToken);
        await emailGrain.EndLoginAttempt(valid);
        if (!valid)
        {
            return Problems.Unauthorized(ErrorCodes.InvalidCredentials, "The email or password is incorrect.");
        }

        var profile = await user!.GetProfile();
        return TypedResults.Ok(tokens.Issue(profile!, credentials!.TokenVersion));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Me(HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(http.User.UserId()).GetProfile() is { } profile
            ? TypedResults.Ok(UserResponse.From(profile))
            : Problems.Unauthorized(ErrorCodes.AccountGone, "The account no longer exists.");

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, HttpContext http, IGrainFactory grains, PasswordHasher hasher, AuthStamps stamps, CancellationToken cancellationToken)
    {
        var user = grains.GetGrain<IUserGrain>(http.User.UserId());
        var credentials = await user.GetCredentials();
        if (!await hasher.Verify(request.CurrentPassword, credentials?.PasswordHash, cancellationToken))
        {
            return Problems.Invalid("currentPassword", "The current password is incorrect.", ErrorCodes.WrongPassword);
        }

        await user.ChangePasswordHash(await hasher.Hash(request.NewPassword, cancellationToken));
        stamps.Forget(http.User.UserId());
        return TypedResults.NoContent();
    }
}
