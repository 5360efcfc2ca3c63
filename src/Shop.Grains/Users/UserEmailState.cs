namespace Shop.Grains.Users;

[GenerateSerializer, Alias("shop.UserEmailState")]
public sealed record UserEmailState
{
    [Id(0)] public string? UserId { get; init; }
}
