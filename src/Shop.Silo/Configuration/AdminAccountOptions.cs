using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Shop.Silo.Configuration;

/// <summary>
/// ADMIN_EMAIL and ADMIN_PASSWORD: the first admin, created by the API when missing, and the account
/// the import command signs in with. Without both there is none (an embedded shop makes a demo admin).
/// </summary>
public sealed class AdminAccountOptions
{
    public const int MinPasswordLength = 12;

    [ConfigurationKeyName("ADMIN_EMAIL")]
    public string? Email { get; set; }

    [ConfigurationKeyName("ADMIN_PASSWORD")]
    public string? Password { get; set; }

    /// <summary>Production's rule: the admin's password, when given, is long enough to stand a guessing attack.</summary>
    public static readonly IValidateOptions<AdminAccountOptions> ProductionRule = new ShopOptions.Rule<AdminAccountOptions>(admin =>
        admin.Password is { Length: < MinPasswordLength } password
            ? [$"ADMIN_PASSWORD has {password.Length} characters; at least {MinPasswordLength} are needed."]
            : []);
}
