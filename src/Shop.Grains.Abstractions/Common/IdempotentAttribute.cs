namespace Shop.Grains.Common;

/// <summary>
/// A grain method that leaves the same state however many times it runs with the same arguments (it
/// sets, it does not add), so a call whose outcome is unknown may simply be made again.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
