using Shop.Silo.Operations;

namespace Shop.Api.Tests.Operations;

public sealed class BuildInfoTests
{
    [Theory]
    [InlineData("1.1.0+17b8d47bf23d94615d7505d75e6e5c24d2231093", "1.1.0", "17b8d47bf23d94615d7505d75e6e5c24d2231093")]
    [InlineData("1.1.0", "1.1.0", "unknown")]       // built outside a git checkout (a Docker build)
    [InlineData("1.1.0+", "1.1.0", "unknown")]
    [InlineData("2.0.0-rc.1+abc1234", "2.0.0-rc.1", "abc1234")]
    [InlineData(null, "unknown", "unknown")]
    [InlineData("", "unknown", "unknown")]
    public void The_informational_version_splits_into_release_and_commit(string? informational, string version, string commit)
    {
        Assert.Equal(new BuildInfo(version, commit), BuildInfo.Parse(informational));
    }
}
