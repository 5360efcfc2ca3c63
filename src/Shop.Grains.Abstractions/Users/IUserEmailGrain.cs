using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The previous release's email index, keyed by the normalized address itself. Only API nodes of
/// that release call it, during a rolling upgrade: each call is passed on to the
/// <see cref="IEmailIndexGrain"/> of the same address. New code uses <see cref="EmailIndex.EmailIndexOf"/>.
/// Kept for one release (its name and methods are what those nodes call); remove it in the next.
/// </summary>
public interface IUserEmailGrain : IGrainWithStringKey
{
    Task<Outcome<UserProfile>> Register(NewUser user);

    [ReadOnly]
    Task<string?> GetUserId();

    Task<TimeSpan?> BeginLoginAttempt(string client);

    Task<bool> EndLoginAttempt(string client, bool succeeded);
}
