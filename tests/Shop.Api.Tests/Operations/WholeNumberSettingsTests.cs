using Microsoft.Extensions.Configuration;
using Shop.Silo.Configuration;

namespace Shop.Api.Tests.Operations;

/// <summary>Limits and counts read from the environment: a default when unset, a named error when wrong.</summary>
public sealed class WholeNumberSettingsTests
{
    private static IConfiguration Config(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(value is null ? [] : [new KeyValuePair<string, string?>("MAX_UNPAID_ORDERS", value)]).Build();

    [Fact]
    public void Unset_gives_the_default_and_a_number_is_read()
    {
        Assert.Equal(3, WholeNumbers.Read(Config(null), "MAX_UNPAID_ORDERS", 3, min: 1));
        Assert.Equal(7, WholeNumbers.Read(Config("7"), "MAX_UNPAID_ORDERS", 3, min: 1));
    }

    [Theory]
    [InlineData("three")]
    [InlineData("0")]
    [InlineData("-2")]
    public void A_malformed_or_too_small_value_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WholeNumbers.Read(Config(value), "MAX_UNPAID_ORDERS", 3, min: 1));
        Assert.Equal($"MAX_UNPAID_ORDERS must be a whole number of at least 1; got '{value}'.", error.Message);
    }
}
