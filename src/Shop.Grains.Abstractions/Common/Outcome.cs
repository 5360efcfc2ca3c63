namespace Shop.Grains.Common;

/// <summary>Either a value or a <see cref="ShopError"/>.</summary>
[GenerateSerializer, Alias("shop.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] ShopError? Error)
{
    public bool IsSuccess => Error is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(ShopError error) => new(default, error);
}
