using Microsoft.Extensions.Options;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

internal sealed class UserEmailGrain(
    [PersistentState("email", StorageNames.Shop)] IPersistentState<UserEmailState> store,
    IOptions<ShopRulesOptions> rules,
    TimeProvider clock) : Grain, IUserEmailGrain
{
    private readonly SignInThrottle _throttle = new(rules.Value);

    public async Task<Outcome<UserProfile>> Register(NewUser user)
    {
        if (store.State.UserId is not null)
        {
            return UserErrors.EmailTaken();
        }

        // The account is created before the claim is saved: a failure in between leaves an orphan
        // account nobody can reach, never a claimed email without an account.
        var userId = ShopIds.New();
        var created = await GrainFactory.GetGrain<IUserGrain>(userId).Create(user);
        if (!created.IsSuccess)
        {
            return created;
        }

        await store.SaveAsync(new UserEmailState { UserId = userId });
        ShopMetrics.Registrations.Add(1);
        return created;
    }

    public Task<string?> GetUserId() => Task.FromResult(store.State.UserId);

    public Task<TimeSpan?> BeginLoginAttempt(string client) => Task.FromResult(_throttle.Begin(client, clock.GetUtcNow()));

    public Task<bool> EndLoginAttempt(string client, bool succeeded) => Task.FromResult(_throttle.End(client, succeeded, clock.GetUtcNow()));
}
