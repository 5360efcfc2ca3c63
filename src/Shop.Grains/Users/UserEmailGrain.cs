using Microsoft.Extensions.Options;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

internal sealed class UserEmailGrain(
    [PersistentState("email", StorageNames.Shop)] IPersistentState<UserEmailState> store,
    IOptions<ShopRulesOptions> rules,
    TimeProvider clock) : Grain, IUserEmailGrain
{
    // Failed logins are kept in memory only: losing them on a restart merely resets the throttle.
    private readonly Queue<DateTimeOffset> _failures = new();

    public async Task<Outcome<UserProfile>> Register(NewUser user)
    {
        if (store.State.UserId is not null)
        {
            return ShopError.Conflict("An account with this email already exists.",
                new() { ["email"] = ["An account with this email already exists."] });
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

    public Task<TimeSpan?> GetLoginLockout()
    {
        var now = clock.GetUtcNow();
        var window = rules.Value.LoginFailureWindow;
        while (_failures.TryPeek(out var oldest) && now - oldest >= window)
        {
            _failures.Dequeue();
        }

        TimeSpan? wait = _failures.Count >= rules.Value.MaxLoginFailures
            ? _failures.Peek() + window - now
            : null;
        return Task.FromResult(wait);
    }

    public Task RecordLoginFailure()
    {
        _failures.Enqueue(clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task RecordLoginSuccess()
    {
        _failures.Clear();
        return Task.CompletedTask;
    }
}
