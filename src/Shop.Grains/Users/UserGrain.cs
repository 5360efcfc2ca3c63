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
        await store.SaveAsync(new UserState { Profile = profile, PasswordHash = user.PasswordHash });
        return profile.ToContract();
    }

    public Task<UserProfile?> GetProfile() => Task.FromResult(State.Profile?.ToContract());

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
        return next.ToContract();
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

    private bool Matches(string tokenHash) =>
        LiveResetTokens(clock.GetUtcNow()).Any(t => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t.Hash), Encoding.UTF8.GetBytes(tokenHash)));

    /// <summary>Unexpired tokens; a token stored by the previous release (one field) counts as one.</summary>
    private IEnumerable<StoredResetToken> LiveResetTokens(DateTimeOffset now)
    {
        var tokens = State.ResetTokens.IsEmpty && State.ResetTokenHash is { } legacy
            ? [new StoredResetToken(legacy, State.ResetTokenExpiresAt - ResetLinkPolicy.Window, State.ResetTokenExpiresAt)]
            : State.ResetTokens;
        return tokens.Where(t => t.ExpiresAt > now);
    }
}
