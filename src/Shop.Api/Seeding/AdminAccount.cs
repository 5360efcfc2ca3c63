using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Shop.Api.Features.Auth;
using Shop.Grains.Common;
using Shop.Grains.Users;
using Shop.Silo.Configuration;

namespace Shop.Api.Seeding;

/// <summary>
/// The first admin: ADMIN_EMAIL + ADMIN_PASSWORD, created when missing. Without them an embedded shop
/// makes a demo admin with a random password and prints it once.
/// </summary>
internal sealed class AdminAccount(IGrainFactory grains, PasswordHasher hasher, IOptions<AdminAccountOptions> options, ILogger<AdminAccount> logger)
{
    public const string DemoEmail = "admin@shop.local";

    public sealed record Result(string Email, string? GeneratedPassword);

    public async Task<Result?> EnsureAsync(bool embedded)
    {
        var (email, password) = (options.Value.Email, options.Value.Password);
        string? generated = null;
        if (email is null || password is null)
        {
            if (!embedded)
            {
                return null;
            }

            email = DemoEmail;
            password = generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y');
        }

        var normalized = ShopIds.NormalizeEmail(email);
        var emailGrain = grains.EmailIndexOf(normalized);
        if (await emailGrain.GetUserId(normalized) is { } existing)
        {
            if (generated is not null)
            {
                // The demo admin survives in persistent storage: give it the new password to print.
                await grains.Get<IUserGrain>(existing).ChangePasswordHash(await hasher.Hash(generated, CancellationToken.None));
            }

            return new Result(normalized, generated);
        }

        var created = await emailGrain.Register(new NewUser(normalized, "Admin", await hasher.Hash(password, CancellationToken.None), Roles.Admin, Languages.Chinese, EmailVerified: true));
        if (!created.IsSuccess)
        {
            logger.LogWarning("Could not create the admin account: {Detail}", created.Error!.Detail);
            return null;
        }

        logger.LogInformation("Created the admin account");
        return new Result(normalized, generated);
    }
}
