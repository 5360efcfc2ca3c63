using System.Security.Claims;

namespace Shop.Api.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public const string UserIdClaim = "sub";
    public const string RoleClaim = "role";
    public const string TokenVersionClaim = "ver";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(UserIdClaim) ?? throw new InvalidOperationException("An authenticated request has no user id.");
}
