using Microsoft.Extensions.Options;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

internal sealed class UserEmailGrain(
    [PersistentState("email", StorageNames.Shop)] IPersistentState<UserEmailState> store,
    IOptions<ShopRulesOptions> rules,
    TimeProvider clock) : Grain, IUserEmailGrain
{
    private static readonly TimeSpan AbandonedAttempt = TimeSpan.FromSeconds(30);

    // Failed logins are kept in memory only: losing them on a restart merely resets the throttle.
    private readonly Queue<DateTimeOffset> _failures = new();

    // Attempts let through and not yet ended (their bcrypt check runs on an API node).
    private readonly Queue<DateTimeOffset> _attempts = new();

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

    public Task<TimeSpan?> BeginLoginAttempt()
    {
        var now = clock.GetUtcNow();
        var window = rules.Value.LoginFailureWindow;
        while (_failures.TryPeek(out var oldest) && now - oldest >= window)
        {
            _failures.Dequeue();
        }

        // An attempt whose API node died before ending it stops counting after a while.
        while (_attempts.TryPeek(out var started) && now - started >= AbandonedAttempt)
        {
            _attempts.Dequeue();
        }

        TimeSpan? wait = null;
        if (_failures.Count >= rules.Value.MaxLoginFailures)
        {
            wait = _failures.Peek() + window - now;
        }
        else if (_failures.Count + _attempts.Count >= rules.Value.MaxLoginFailures)
        {
            wait = TimeSpan.FromSeconds(1);
        }
        else
        {
            _attempts.Enqueue(now);
        }

        return Task.FromResult(wait);
    }

    public Task EndLoginAttempt(bool succeeded)
    {
        _attempts.TryDequeue(out _);
        if (succeeded)
        {
            _failures.Clear();
        }
        else
        {
            _failures.Enqueue(clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }
}
