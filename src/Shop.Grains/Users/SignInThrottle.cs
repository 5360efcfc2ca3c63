using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>
/// Failed sign-ins of one account, counted per client address: after <see cref="ShopRulesOptions.MaxLoginFailures"/>
/// failures from a client, each further attempt from it must wait longer (1 s, 2 s, 4 s ... up to the
/// window). A stranger guessing slows down only themselves: the owner, from a client that has not
/// failed, signs in at once. Many failures from anywhere tell the owner, once per window.
/// In memory: losing it on a restart merely resets the counts.
/// </summary>
internal sealed class SignInThrottle(ShopRulesOptions rules)
{
    // An attempt whose API node died before ending it stops counting after a while.
    private static readonly TimeSpan AbandonedAttempt = TimeSpan.FromSeconds(30);

    // Clients kept at most: beyond, the ones quiet longest are forgotten (a spread attack cannot grow the grain without bound).
    private const int ClientsKept = 10_000;

    private readonly Dictionary<string, Client> _clients = [];
    private readonly Queue<DateTimeOffset> _failures = new();
    private DateTimeOffset? _ownerToldAt;
    private DateTimeOffset _sweptAt = DateTimeOffset.MinValue;

    private TimeSpan Window => rules.LoginFailureWindow;

    /// <summary>Null when the client may try now, else how long it must wait.</summary>
    public TimeSpan? Begin(string clientKey, DateTimeOffset now)
    {
        Forget(now);
        var client = _clients.TryGetValue(clientKey, out var known) ? known : _clients[clientKey] = new Client();
        client.Prune(now, Window);
        client.LastSeen = now;

        // Attempts still being checked count as failures until they end: parallel guesses cannot slip past.
        var failures = client.Failures.Count;
        if (failures >= rules.MaxLoginFailures)
        {
            var wait = client.Failures.Last() + DelayAfter(failures) - now;
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }
        }

        if (failures + client.InFlight.Count >= rules.MaxLoginFailures && client.InFlight.Count > 0)
        {
            return TimeSpan.FromSeconds(1);
        }

        client.InFlight.Enqueue(now);
        return null;
    }

    /// <summary>Ends an attempt <see cref="Begin"/> let through; true when the owner should be told of many failures now.</summary>
    public bool End(string clientKey, bool succeeded, DateTimeOffset now)
    {
        if (!_clients.TryGetValue(clientKey, out var client))
        {
            client = _clients[clientKey] = new Client { LastSeen = now };
        }

        client.InFlight.TryDequeue(out _);
        if (succeeded)
        {
            client.Failures.Clear();
            return false;
        }

        client.Failures.Enqueue(now);
        _failures.Enqueue(now);
        if (_failures.Count >= ShopRulesOptions.FailuresToTellOwner && (_ownerToldAt is null || now - _ownerToldAt >= Window))
        {
            _ownerToldAt = now;
            return true;
        }

        return false;
    }

    /// <summary>How long after its latest failure a client with so many failures may try again.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var doublings = failures - rules.MaxLoginFailures;
        return doublings >= 20 ? Window : TimeSpan.FromTicks(Math.Min(Window.Ticks, TimeSpan.FromSeconds(1 << doublings).Ticks));
    }

    /// <summary>
    /// Drops what the window has passed. The sweep over every client runs at most every 30 s: under
    /// a spread attack there may be thousands, and a sign-in should not walk them all.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        while (_failures.TryPeek(out var oldest) && now - oldest >= Window)
        {
            _failures.Dequeue();
        }

        if (now - _sweptAt >= AbandonedAttempt)
        {
            _sweptAt = now;
            foreach (var (key, client) in _clients)
            {
                client.Prune(now, Window);
                if (client.Failures.Count == 0 && client.InFlight.Count == 0 && now - client.LastSeen >= AbandonedAttempt)
                {
                    _clients.Remove(key);
                }
            }
        }

        if (_clients.Count > ClientsKept)
        {
            foreach (var key in _clients.OrderBy(c => c.Value.LastSeen).Take(_clients.Count - ClientsKept).Select(c => c.Key).ToList())
            {
                _clients.Remove(key);
            }
        }
    }

    private sealed class Client
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public Queue<DateTimeOffset> InFlight { get; } = new();
        public DateTimeOffset LastSeen { get; set; }

        /// <summary>Forgets failures older than the window and attempts whose node never ended them.</summary>
        public void Prune(DateTimeOffset now, TimeSpan window)
        {
            while (Failures.TryPeek(out var oldest) && now - oldest >= window)
            {
                Failures.Dequeue();
            }

            while (InFlight.TryPeek(out var started) && now - started >= AbandonedAttempt)
            {
                InFlight.Dequeue();
            }
        }
    }
}
