using Shop.Grains.Common;

namespace Shop.Grains.Users;

/// <summary>One account, keyed by user id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    Task<Outcome<UserProfile>> Create(NewUser user);

    [ReadOnly]
    Task<UserProfile?> GetProfile();

    [ReadOnly]
    Task<UserCredentials?> GetCredentials();

    /// <summary>Null when the account does not exist.</summary>
    [ReadOnly]
    Task<AuthStamp?> GetAuthStamp();

    Task<Outcome<UserProfile>> UpdateProfile(ProfileUpdate update);

    /// <summary>Replaces the password hash and retires every token issued before.</summary>
    Task<int> ChangePasswordHash(string newPasswordHash);

    /// <summary>Stores the hash of a reset token; only the newest one is valid.</summary>
    Task SetPasswordResetToken(string tokenHash, DateTimeOffset expiresAt);

    /// <summary>Consumes a reset token: true when it matched and had not expired.</summary>
    Task<bool> ResetPassword(string tokenHash, string newPasswordHash);
}
