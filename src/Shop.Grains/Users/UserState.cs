using Shop.Grains.Common;

namespace Shop.Grains.Users;

[GenerateSerializer, Alias("shop.UserState")]
public sealed record UserState
{
    [Id(0)] public UserProfile? Profile { get; init; }
    [Id(1)] public string PasswordHash { get; init; } = "";
    [Id(2)] public int TokenVersion { get; init; }
    [Id(3)] public string? ResetTokenHash { get; init; }
    [Id(4)] public DateTimeOffset ResetTokenExpiresAt { get; init; }
}
