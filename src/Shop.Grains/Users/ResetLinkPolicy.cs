namespace Shop.Grains.Users;

/// <summary>
/// A stranger cannot fill an account's inbox with reset links: one a minute and five an hour.
/// Earlier links stay valid, so a new request never kills the link the owner is about to use.
/// </summary>
internal static class ResetLinkPolicy
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public const int PerWindow = 5;

    /// <summary>Whether another link may be issued now, given the unexpired ones.</summary>
    public static bool MayIssue(IReadOnlyCollection<StoredResetToken> live, DateTimeOffset now) =>
        !live.Any(t => now - t.IssuedAt < Cooldown) && live.Count(t => now - t.IssuedAt < Window) < PerWindow;
}
