using Microsoft.Extensions.Options;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// The email index under a hash of the address (see <see cref="IEmailIndexGrain"/>). Accounts the
/// previous release indexed under the address itself are found there on a miss and stored here
/// (<see cref="PreviousEmailIndex"/>).
/// <para>
/// Concurrent registrations of one address, from any API node, all reach this one activation, whose
/// turns do not interleave: looking at the previous index and claiming happen in one turn. Should a
/// second activation exist for a moment (a silo leaving), the storage's etag lets only one of them
/// write; the other's write fails and it deactivates, so an address never gets two accounts.
/// </para>
/// </summary>
internal sealed class EmailIndexGrain(
    [PersistentState("email", StorageNames.Shop)] IPersistentState<UserEmailState> store,
    PreviousEmailIndex previous,
    IOptions<ShopRulesOptions> rules,
    TimeProvider clock) : Grain, IEmailIndexGrain
{
    private readonly SignInThrottle _throttle = new(rules.Value);
    private bool _previousChecked;

    public async Task<Outcome<UserProfile>> Register(NewUser user)
    {
        // Looks at the previous index again even when this activation already did: during a rolling
        // upgrade, nodes of the previous release may have claimed the address there since.
        if (await UserId(user.Email, lookAgain: true) is not null)
        {
            return UserErrors.EmailTaken();
        }

        // The account is created before the claim is saved: a failure in between leaves an orphan
        // account nobody can reach, never a claimed email without an account.
        var userId = ShopIds.New();
        var created = await GrainFactory.Get<IUserGrain>(userId).Create(user);
        if (!created.IsSuccess)
        {
            return created;
        }

        await store.SaveAsync(new UserEmailState { UserId = userId });
        ShopMetrics.Registrations.Add(1);
        return created;
    }

    public Task<string?> GetUserId(string email) => UserId(email, lookAgain: false);

    public Task<TimeSpan?> BeginLoginAttempt(string client) => Task.FromResult(_throttle.Begin(client, clock.GetUtcNow()));

    public Task<bool> EndLoginAttempt(string client, bool succeeded) => Task.FromResult(_throttle.End(client, succeeded, clock.GetUtcNow()));

    private async Task<string?> UserId(string email, bool lookAgain)
    {
        if (store.State.UserId is { } userId)
        {
            return userId;
        }

        if (_previousChecked && !lookAgain)
        {
            return null;
        }

        // The message names no address: it may be logged.
        if (EmailIndex.KeyOf(email) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The email is not the one this index grain is keyed by.", nameof(email));
        }

        var found = await previous.UserIdOf(ShopIds.NormalizeEmail(email));
        _previousChecked = true;
        if (found is not null)
        {
            // Stored here once; the previous record is left as it is (see PreviousEmailIndex).
            await store.SaveAsync(new UserEmailState { UserId = found });
        }

        return found;
    }
}
