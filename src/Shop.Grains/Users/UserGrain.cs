using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

internal sealed class UserGrain(
    [PersistentState("user", StorageNames.Shop)] IPersistentState<UserState> store,
    TimeProvider clock) : Grain, IUserGrain
{
    private UserState State => store.State;

    public async Task<Outcome<UserProfile>> Create(NewUser user)
    {
        if (State.Profile is not null)
        {
            return ShopError.Conflict(ErrorCodes.AccountExists, "The account already exists.");
        }

        var profile = new StoredProfile(
            this.GetPrimaryKeyString(), user.Email, user.Name, user.Role,
            Phone: null, DefaultAddress: null, user.Language, clock.GetUtcNow());
        await store.SaveAsync(new UserState
        {
            Profile = profile,
            PasswordHash = user.PasswordHash,
            EmailVerifiedAt = user.EmailVerified ? profile.CreatedAt : null,
            MustVerifyEmail = !user.EmailVerified,
        });
        return Profile!;
    }

    public Task<UserProfile?> GetProfile() => Task.FromResult(Profile);

    private UserProfile? Profile => State.Profile is { } profile ? profile.ToContract() with { EmailVerified = State.EmailVerified } : null;

    public Task<UserCredentials?> GetCredentials() => Task.FromResult(
        State.Profile is null ? null : new UserCredentials(State.Profile.Id, State.PasswordHash, State.TokenVersion));

    public Task<AuthStamp?> GetAuthStamp() => Task.FromResult(
        State.Profile is null ? null : new AuthStamp(State.TokenVersion, State.Profile.Role));

    public async Task<Outcome<UserProfile>> UpdateProfile(ProfileUpdate update)
    {
        if (State.Profile is not { } profile)
        {
            return ShopError.NotFound(ErrorCodes.AccountNotFound, "The account does not exist.");
        }

        var next = profile with
        {
            Name = update.Name ?? profile.Name,
            Phone = update.Phone is null ? profile.Phone : update.Phone.Length == 0 ? null : update.Phone,
            DefaultAddress = update.DefaultAddress is { } address ? StoredAddress.From(address) : profile.DefaultAddress,
            Language = update.Language ?? profile.Language,
        };
        await store.SaveAsync(State with { Profile = next });
        return Profile!;
    }

    public async Task<int> ChangePasswordHash(string newPasswordHash)
    {
        await store.SaveAsync(State with
        {
            PasswordHash = newPasswordHash,
            TokenVersion = State.TokenVersion + 1,
            ResetTokenHash = null,
            ResetTokens = [],
        });
        return State.TokenVersion;
    }

    public async Task<bool> IssuePasswordResetToken(string tokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        var live = LiveResetTokens(now).ToImmutableList();
        if (State.Profile is null || !ResetLinkPolicy.MayIssue(live, now))
        {
            return false;
        }

        await store.SaveAsync(State with
        {
            ResetTokens = live.Add(new StoredResetToken(tokenHash, now, expiresAt)),
            ResetTokenHash = tokenHash,
            ResetTokenExpiresAt = expiresAt,
        });
        return true;
    }

    public Task<bool> HasPasswordResetToken(string tokenHash) => Task.FromResult(Matches(tokenHash));

    public async Task<bool> ResetPassword(string tokenHash, string newPasswordHash)
    {
        if (!Matches(tokenHash))
        {
            return false;
        }

        await ChangePasswordHash(newPasswordHash);
        return true;
    }

    public async Task<bool> IssueEmailVerificationToken(string tokenHash, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        if (State.Profile is null || State.EmailVerified
            || (State.VerificationToken is { } last && now - last.IssuedAt < EmailVerificationPolicy.Cooldown))
        {
            return false;
        }

        await store.SaveAsync(State with { VerificationToken = new StoredResetToken(tokenHash, now, expiresAt) });
        return true;
    }

    public async Task<bool> VerifyEmail(string tokenHash)
    {
        if (State.VerificationToken is not { } token || !SameHash(token.Hash, tokenHash) || token.ExpiresAt <= clock.GetUtcNow())
        {
            return false;
        }

        if (State.EmailVerifiedAt is null)
        {
            await store.SaveAsync(State with { EmailVerifiedAt = clock.GetUtcNow() });
        }

        return true;
    }

    private static bool SameHash(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private bool Matches(string tokenHash) =>
        LiveResetTokens(clock.GetUtcNow()).Any(t => SameHash(t.Hash, tokenHash));

    /// <summary>Unexpired tokens; a token stored by the previous release (one field) counts as one.</summary>
    private IEnumerable<StoredResetToken> LiveResetTokens(DateTimeOffset now)
    {
        var tokens = State.ResetTokens.IsEmpty && State.ResetTokenHash is { } legacy
            ? [new StoredResetToken(legacy, State.ResetTokenExpiresAt - ResetLinkPolicy.Window, State.ResetTokenExpiresAt)]
            : State.ResetTokens;
        return tokens.Where(t => t.ExpiresAt > now);
    }
}
