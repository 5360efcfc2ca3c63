using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The unique index of emails, one grain per normalized address: registering claims it atomically,
/// and it counts failed logins so throttling holds across every API node.
/// </summary>
public interface IUserEmailGrain : IGrainWithStringKey
{
    /// <summary>Creates the account, or a 409 when the email is taken.</summary>
    Task<Outcome<UserProfile>> Register(NewUser user);

    [ReadOnly]
    Task<string?> GetUserId();

    /// <summary>How long the caller must wait before another attempt, or null when it may try now.</summary>
    [ReadOnly]
    Task<TimeSpan?> GetLoginLockout();

    Task RecordLoginFailure();

    Task RecordLoginSuccess();
}
