using System.Threading.RateLimiting;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;

namespace Shop.Api.Features.Auth;

/// <summary>
/// bcrypt on the API nodes, which scale out, so a slow hash never holds up a grain. The enhanced
/// variant pre-hashes with SHA-384, so passwords longer than bcrypt's 72 bytes are not truncated.
/// Hashes run a few at a time with a bounded queue behind them: a flood of sign-ins or
/// registrations gets 503s beyond it instead of starving every other request of CPU.
/// </summary>
public sealed class PasswordHasher(AuthSettings settings) : IDisposable
{
    // Checked when the account does not exist, so a login takes as long either way.
    private readonly Lazy<string> _decoy = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword(Guid.NewGuid().ToString(), settings.BcryptRounds));

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = settings.HashConcurrency,
        QueueLimit = settings.HashQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private long _computed;

    /// <summary>bcrypt runs so far (hashes and checks), for tests that show a request did not need one.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    public Task<string> Hash(string password, CancellationToken cancellationToken) =>
        Run(() => BCrypt.Net.BCrypt.EnhancedHashPassword(password, settings.BcryptRounds), cancellationToken);

    /// <summary>False for a null hash (no such account), after as much work as a real check.</summary>
    public Task<bool> Verify(string password, string? hash, CancellationToken cancellationToken) =>
        Run(() => BCrypt.Net.BCrypt.EnhancedVerify(password, hash ?? _decoy.Value) && hash is not null, cancellationToken);

    public void Dispose() => _limiter.Dispose();

    private async Task<T> Run<T>(Func<T> hash, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            ShopMetrics.PasswordHashesRefused.Add(1);
            throw new ServerBusyException("Too many sign-ins are being checked right now. Please try again in a moment.", TimeSpan.FromSeconds(1));
        }

        Interlocked.Increment(ref _computed);
        return hash();
    }
}
