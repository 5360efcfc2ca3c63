using Shop.Grains.Common;

namespace Shop.Grains.Users;

public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
}

public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static bool IsSupported(string? language) => language is Chinese or English;
}

[GenerateSerializer, Immutable, Alias("shop.contract.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] string Role,
    [property: Id(4)] string? Phone,
    [property: Id(5)] Address? DefaultAddress,
    [property: Id(6)] string Language,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] bool EmailVerified = false);

/// <summary>A new account; the password arrives already hashed (bcrypt runs on the API nodes).</summary>
[GenerateSerializer, Immutable, Alias("shop.NewUser")]
public sealed record NewUser(
    [property: Id(0)] string Email,
    [property: Id(1)] string Name,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] string Role,
    [property: Id(4)] string Language,
    [property: Id(5)] bool EmailVerified = false);

[GenerateSerializer, Immutable, Alias("shop.UserCredentials")]
public sealed record UserCredentials(
    [property: Id(0)] string UserId,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] int TokenVersion);

/// <summary>What a bearer token is checked against on every request.</summary>
[GenerateSerializer, Immutable, Alias("shop.AuthStamp")]
public sealed record AuthStamp(
    [property: Id(0)] int TokenVersion,
    [property: Id(1)] string Role);

/// <summary>A partial profile change: null leaves a field as it is; an empty phone clears it.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProfileUpdate")]
public sealed record ProfileUpdate(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Phone,
    [property: Id(2)] Address? DefaultAddress,
    [property: Id(3)] string? Language);
