namespace Shop.Api.Tests.Support;

/// <summary>Files of the repository the tests check the API against (the web client's locales, its copy of the OpenAPI document).</summary>
public static class RepositoryFiles
{
    public static string PathOf(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shop.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("Shop.sln not found above the test output."), .. parts]);
    }
}
