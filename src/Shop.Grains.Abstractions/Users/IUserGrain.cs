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

    /// <summary>
    /// Stores the hash of a new reset token beside the unexpired ones; false (nothing stored) when the
    /// account does not exist or had one in the last minute or five in the last hour.
    /// </summary>
    Task<bool> IssuePasswordResetToken(string tokenHash, DateTimeOffset expiresAt);

    /// <summary>Whether a reset token is valid now, without using it.</summary>
    [ReadOnly]
    Task<bool> HasPasswordResetToken(string tokenHash);

    /// <summary>Uses a reset token: true when it matched an unexpired one; every token is retired then.</summary>
    Task<bool> ResetPassword(string tokenHash, string newPasswordHash);

    /// <summary>
    /// Stores the hash of a new email verification token in place of the previous one; false (nothing
    /// stored) when the account does not exist, is verified already, or had a token in the last minute.
    /// </summary>
    Task<bool> IssueEmailVerificationToken(string tokenHash, DateTimeOffset expiresAt);

    /// <summary>True when the token matches the unexpired one (again true for the same link once verified).</summary>
    Task<bool> VerifyEmail(string tokenHash);
}
