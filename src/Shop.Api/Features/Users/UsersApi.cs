using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Api.Features.Users;

/// <summary>A partial profile update: omitted fields stay; an empty phone clears it. No role here, ever.</summary>
public sealed record UpdateProfileRequest(
    [property: MinLength(1), MaxLength(50), PlainText] string? Name = null,
    [property: RegularExpression(@"^$|^\+?[0-9][0-9 \-]{4,19}$", ErrorMessage = "Enter a phone number of 5 to 20 digits.")] string? Phone = null,
    AddressRequest? DefaultAddress = null,
    [property: RegularExpression("^(zh-CN|en-US)$", ErrorMessage = "language must be zh-CN or en-US.")] string? Language = null);

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapPut("/me", UpdateMe);
        return group;
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateMe(
        UpdateProfileRequest request, HttpContext http, IGrainFactory grains)
    {
        if (request.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            return Problems.Invalid("name", "The name cannot be empty.");
        }

        var update = new ProfileUpdate(request.Name?.Trim(), request.Phone?.Trim(), request.DefaultAddress?.ToAddress(), request.Language);
        return (await grains.Get<IUserGrain>(http.User.UserId()).UpdateProfile(update)).ToHttpResult(UserResponse.From);
    }
}
