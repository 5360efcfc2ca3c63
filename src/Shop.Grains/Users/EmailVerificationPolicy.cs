namespace Shop.Grains.Users;

/// <summary>
/// Verification links are asked for by the signed-in owner only, so one a minute is enough to keep a
/// script from filling their inbox; a link lives a day, and a new one replaces the previous.
/// </summary>
public static class EmailVerificationPolicy
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
}
