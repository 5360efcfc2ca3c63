using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Api.Infrastructure;
using Shop.Grains.Common;

namespace Shop.Api.Tests.Operations;

/// <summary>The one mapping of a grain's outcome to an answer: the value (200 or 201 at its location) or its problem.</summary>
public sealed class OutcomeResultTests
{
    private static readonly Outcome<string> Value = "p1";
    private static readonly Outcome<string> Failure = ShopError.Conflict(ErrorCodes.StockInsufficient, "Only 3 left in stock.");

    [Fact]
    public void A_value_is_created_at_its_location_and_a_failure_is_its_problem()
    {
        var created = Assert.IsType<Created<int>>(Value.ToCreatedResult(v => $"/api/things/{v}", v => v.Length).Result);
        Assert.Equal(("/api/things/p1", 2), (created.Location, created.Value));

        var problem = Assert.IsType<ProblemHttpResult>(
            Failure.ToCreatedResult<string, int>(_ => throw new InvalidOperationException("a failure has no location"), v => v.Length).Result);
        Assert.Equal(409, problem.StatusCode);
        Assert.Equal(ErrorCodes.StockInsufficient, problem.ProblemDetails.Extensions[Problems.CodeKey]);
    }

    [Fact]
    public async Task An_answer_that_needs_a_call_makes_it_for_a_value_only()
    {
        var ok = Assert.IsType<Ok<int>>((await Value.ToHttpResultAsync(v => Task.FromResult(v.Length))).Result);
        Assert.Equal(2, ok.Value);

        var problem = Assert.IsType<ProblemHttpResult>(
            (await Failure.ToHttpResultAsync<string, int>(_ => throw new InvalidOperationException("a failure is not priced"))).Result);
        Assert.Equal(409, problem.StatusCode);
        Assert.Equal("Only 3 left in stock.", problem.ProblemDetails.Detail);
    }
}
