namespace Shop.Grains.Orders;

public enum ChargeResult
{
    Approved,
    Declined,
    InvalidCard,
}

/// <summary>The card payment provider. The shop ships with a simulated one.</summary>
public interface ICardGateway
{
    Task<ChargeResult> Charge(string orderId, long amount, string cardNumber, CancellationToken cancellationToken = default);
}

/// <summary>
/// Test cards as public gateways document them: 4242424242424242 succeeds, 4000000000000002 is
/// declined, any other number is invalid.
/// </summary>
public sealed class SimulatedCardGateway : ICardGateway
{
    public const string ApprovedCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";

    public Task<ChargeResult> Charge(string orderId, long amount, string cardNumber, CancellationToken cancellationToken = default) =>
        Task.FromResult(cardNumber switch
        {
            ApprovedCard => ChargeResult.Approved,
            DeclinedCard => ChargeResult.Declined,
            _ => ChargeResult.InvalidCard,
        });
}
