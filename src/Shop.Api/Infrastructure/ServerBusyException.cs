namespace Shop.Api.Infrastructure;

/// <summary>
/// This node refuses work it cannot take now (a full queue); answered 503 with Retry-After and the
/// code <c>server.busy</c>, so clients back off instead of piling on.
/// </summary>
public sealed class ServerBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
