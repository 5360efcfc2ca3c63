using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;
using Shop.Grains.Common;

namespace Shop.Silo.Hosting;

/// <summary>
/// Makes a grain call again when it failed because a silo was leaving the cluster or had just left
/// (a rolling restart, a scale-down, a crash), if making it twice cannot do more than making it once:
/// [ReadOnly] and [Idempotent] methods. The repeat goes to the grain's new home. Registered on API
/// nodes (the client) and on silos (grains calling grains); measured by ScaleAndRollTests.
/// </summary>
public sealed class RepeatCallsOnSiloExit : IOutgoingGrainCallFilter
{
    /// <summary>Long enough for the cluster to learn that the silo is gone, short next to a request.</summary>
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1000)];

    private static readonly ConcurrentDictionary<MethodInfo, bool> Repeatable = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await context.Invoke();
                if (context.Response?.Exception is not { } failure || !ShouldRepeat(context, failure, attempt))
                {
                    return;
                }
            }
            catch (Exception failure) when (ShouldRepeat(context, failure, attempt))
            {
            }

            await Task.Delay(Pauses[attempt]);
        }
    }

    public static bool ShouldRepeat(IOutgoingGrainCallContext context, Exception failure, int attempt) =>
        attempt < Pauses.Length
        && failure is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        && context.InterfaceMethod is { } method
        && Repeatable.GetOrAdd(method, m => m.IsDefined(typeof(ReadOnlyAttribute), inherit: true) || m.IsDefined(typeof(IdempotentAttribute), inherit: true));
}
