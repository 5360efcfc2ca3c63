namespace Shop.Grains.Orders;

/// <summary>
/// The order's side of its outbox, implemented by the order grain (key: the order id); called by
/// the silo only: the notification grains, and the order itself.
/// </summary>
public interface IOrderOutbox : IGrainWithStringKey
{
    /// <summary>The notices of event <paramref name="sequence"/> are out: the order stops sending them.</summary>
    Task Confirm(int sequence);

    /// <summary>
    /// Brings the admin list up to the order's events. One-way, called by the order on itself after a
    /// change, so the answer to the change never waits on the read model's database.
    /// </summary>
    [OneWay]
    Task Project();
}
