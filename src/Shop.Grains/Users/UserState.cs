using System.Collections.Immutable;
using Shop.Grains.Common;

namespace Shop.Grains.Users;

[GenerateSerializer, Alias("shop.UserState")]
public sealed record UserState
{
    [Id(0)] public StoredProfile? Profile { get; init; }
    [Id(1)] public string PasswordHash { get; init; } = "";
    [Id(2)] public int TokenVersion { get; init; }

    // The newest reset token, as the previous release kept its only one (it still reads these after a rollback).
    [Id(3)] public string? ResetTokenHash { get; init; }
    [Id(4)] public DateTimeOffset ResetTokenExpiresAt { get; init; }

    /// <summary>Reset tokens issued in the last hour: each valid until it expires or one is used.</summary>
    [Id(5)] public ImmutableList<StoredResetToken> ResetTokens { get; init; } = [];

    /// <summary>When the owner proved the address theirs (null: not yet).</summary>
    [Id(6)] public DateTimeOffset? EmailVerifiedAt { get; init; }

    /// <summary>The newest email verification link (a new one replaces it).</summary>
    [Id(7)] public StoredResetToken? VerificationToken { get; init; }

    /// <summary>
    /// Set on accounts registered since verification exists. Earlier accounts were getting order
    /// mail before; they keep getting it rather than lose it at an upgrade.
    /// </summary>
    [Id(8)] public bool MustVerifyEmail { get; init; }

    public bool EmailVerified => EmailVerifiedAt is not null || !MustVerifyEmail;
}

[GenerateSerializer, Immutable, Alias("shop.StoredResetToken")]
public sealed record StoredResetToken(
    [property: Id(0)] string Hash,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt);

[GenerateSerializer, Immutable, Alias("shop.UserProfile")]
public sealed record StoredProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] string Role,
    [property: Id(4)] string? Phone,
    [property: Id(5)] StoredAddress? DefaultAddress,
    [property: Id(6)] string Language,
    [property: Id(7)] DateTimeOffset CreatedAt)
{
    public UserProfile ToContract() => new(Id, Email, Name, Role, Phone, DefaultAddress?.ToContract(), Language, CreatedAt);
}
