using System.Reflection;
using Orleans.Serialization.Invocation;
using Shop.Grains.Carts;
using Shop.Silo.Hosting;

namespace Shop.Grains.Tests.Hosting;

/// <summary>Which failed calls the filter makes again: only a silo's exit, and only calls that may run twice.</summary>
public sealed class RepeatCallsOnSiloExitTests
{
    private static readonly MethodInfo ReadOnlyRead = typeof(ICartGrain).GetMethod(nameof(ICartGrain.GetLines))!;
    private static readonly MethodInfo IdempotentWrite = typeof(ICartGrain).GetMethod(nameof(ICartGrain.SetQuantity))!;
    private static readonly MethodInfo AddingWrite = typeof(ICartGrain).GetMethod(nameof(ICartGrain.Add))!;

    [Theory]
    [InlineData(nameof(ICartGrain.GetLines))]
    [InlineData(nameof(ICartGrain.SetQuantity))]
    public async Task A_repeatable_call_that_met_a_leaving_silo_is_made_again_and_succeeds(string method)
    {
        var call = new FakeCall(typeof(ICartGrain).GetMethod(method)!, new SiloUnavailableException("Silo is shutting down."));

        await new RepeatCallsOnSiloExit().Invoke(call);

        Assert.Equal(2, call.Attempts);
        Assert.Null(call.Response!.Exception);
    }

    [Fact]
    public async Task A_call_that_adds_is_not_made_twice()
    {
        var call = new FakeCall(AddingWrite, new SiloUnavailableException("The target silo became unavailable."));

        await new RepeatCallsOnSiloExit().Invoke(call);

        Assert.Equal(1, call.Attempts);
        Assert.IsType<SiloUnavailableException>(call.Response!.Exception);
    }

    [Fact]
    public async Task A_failure_of_the_grain_itself_is_not_repeated()
    {
        var call = new FakeCall(ReadOnlyRead, new InvalidOperationException("a bug"));

        await new RepeatCallsOnSiloExit().Invoke(call);

        Assert.Equal(1, call.Attempts);
    }

    [Fact]
    public async Task A_silo_that_stays_gone_ends_the_repeats()
    {
        var call = new FakeCall(IdempotentWrite, new SiloUnavailableException("gone"), failures: int.MaxValue);

        await new RepeatCallsOnSiloExit().Invoke(call);

        Assert.Equal(3, call.Attempts);
        Assert.IsType<SiloUnavailableException>(call.Response!.Exception);
    }

    /// <summary>A call whose first <paramref name="failures"/> attempts end in <paramref name="failure"/>, as Orleans reports it (in the response).</summary>
    private sealed class FakeCall(MethodInfo method, Exception failure, int failures = 1) : IOutgoingGrainCallContext
    {
        public int Attempts { get; private set; }

        public Response? Response { get; set; }

        public MethodInfo InterfaceMethod => method;

        public Task Invoke()
        {
            Response = ++Attempts <= failures ? Response.FromException(failure) : Response.FromResult<object?>(null);
            return Task.CompletedTask;
        }

        public IInvokable Request => throw new NotSupportedException();
        public object Grain => throw new NotSupportedException();
        public object? Result { get => null; set { } }
        public GrainId? SourceId => null;
        public GrainId TargetId => default;
        public GrainInterfaceType InterfaceType => default;
        public string InterfaceName => method.DeclaringType!.Name;
        public string MethodName => method.Name;
        public IGrainContext? SourceContext => null;
    }
}
