using Shop.Grains.Common;
using Shop.Grains.Users;

namespace Shop.Grains.Tests.Users;

/// <summary>The sign-in throttle's arithmetic, on a clock the test moves.</summary>
public sealed class SignInThrottleTests
{
    private static readonly ShopRulesOptions Rules = new();
    private readonly SignInThrottle _throttle = new(Rules);
    private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private void Fail(string client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Null(_throttle.Begin(client, _now));
            _throttle.End(client, succeeded: false, _now);
        }
    }

    [Fact]
    public void Each_failure_past_the_free_ones_doubles_the_wait_up_to_the_window()
    {
        Fail("attacker", Rules.MaxLoginFailures);
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.Begin("attacker", _now));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            _now += _throttle.Begin("attacker", _now) ?? TimeSpan.Zero;
            Assert.Null(_throttle.Begin("attacker", _now));
            _throttle.End("attacker", succeeded: false, _now);
            waits.Add(_throttle.Begin("attacker", _now)!.Value);
        }

        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256], waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(Rules.LoginFailureWindow, _throttle.DelayAfter(Rules.MaxLoginFailures + 10));
        Assert.Equal(Rules.LoginFailureWindow, _throttle.DelayAfter(Rules.MaxLoginFailures + 40));
    }

    [Fact]
    public void The_owner_from_another_client_signs_in_at_once_and_a_success_clears_only_its_own_count()
    {
        Fail("attacker", Rules.MaxLoginFailures);

        Assert.Null(_throttle.Begin("owner", _now));
        _throttle.End("owner", succeeded: true, _now);

        Assert.NotNull(_throttle.Begin("attacker", _now));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        Fail("forgetful", Rules.MaxLoginFailures);
        _now += Rules.LoginFailureWindow;

        Assert.Null(_throttle.Begin("forgetful", _now));
    }

    [Fact]
    public void The_owner_is_told_once_per_window_however_many_clients_fail()
    {
        var told = 0;
        for (var client = 0; client < 10; client++)
        {
            for (var i = 0; i < Rules.MaxLoginFailures; i++)
            {
                Assert.Null(_throttle.Begin($"client-{client}", _now));
                told += _throttle.End($"client-{client}", succeeded: false, _now) ? 1 : 0;
            }
        }

        Assert.Equal(1, told);
        _now += Rules.LoginFailureWindow;
        Fail("later", 1);
        Assert.True(Enumerable.Range(0, ShopRulesOptions.FailuresToTellOwner).Select(i =>
        {
            Assert.Null(_throttle.Begin($"later-{i}", _now));
            return _throttle.End($"later-{i}", succeeded: false, _now);
        }).Count(t => t) == 1);
    }
}
