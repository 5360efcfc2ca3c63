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
    /// Starts a sign-in (or password check) from a client, named by its address: null when it may go
    /// ahead, else how long that client must wait. Failures count per client and delays grow with
    /// them, so a stranger's guesses never lock the owner out. Attempts still being checked count as
    /// failures until they end, so parallel guesses cannot slip past.
    /// </summary>
    Task<TimeSpan?> BeginLoginAttempt(string client);

    /// <summary>
    /// Ends an attempt that <see cref="BeginLoginAttempt"/> let through; true when the account has now
    /// seen many failures and its owner should be told (once per window).
    /// </summary>
    Task<bool> EndLoginAttempt(string client, bool succeeded);
}
