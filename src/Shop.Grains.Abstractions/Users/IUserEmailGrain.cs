using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The unique index of emails, one grain per normalized address: registering claims it atomically,
/// and it counts failed logins so throttling holds across every API node.
/// </summary>
public interface IUserEmailGrain : IGrainWithStringKey
{
    /// <summary>Creates the account, or refuses when the email is taken.</summary>
    Task<Outcome<UserProfile>> Register(NewUser user);

    [ReadOnly]
    Task<string?> GetUserId();

    /// <summary>
    /// Starts a sign-in attempt: null when it may go ahead, else how long to wait. Attempts still
    /// being checked count as failures until they end, so parallel guesses cannot slip past the limit.
    /// </summary>
    Task<TimeSpan?> BeginLoginAttempt();

    /// <summary>Ends an attempt that <see cref="BeginLoginAttempt"/> let through.</summary>
    Task EndLoginAttempt(bool succeeded);
}
