using Shop.Api.Hosting;

namespace Shop.Api.Tests.Web;

/// <summary>
/// Where an API node finds the built web client, in a made-up repository layout: web/dist at the
/// root, the build output in src/Shop.Api/bin/Release/net10.0.
/// </summary>
public sealed class WebRootLookupTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("shop-repo-").FullName;

    private string Dist => Path.Combine(_repo, "web", "dist");

    private string Project => Path.Combine(_repo, "src", "Shop.Api");

    private string Output => Path.Combine(Project, "bin", "Release", "net10.0");

    public WebRootLookupTests()
    {
        Directory.CreateDirectory(Output);
        BuiltClientIn(Dist);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void The_dll_run_from_the_repository_root_finds_web_dist()
    {
        // `dotnet src/Shop.Api/bin/Release/net10.0/Shop.Api.dll` from the root: the content root is the root.
        Assert.Equal(Dist, WebClientHosting.FindRoot(null, contentRoot: _repo, baseDirectory: Output));
    }

    [Fact]
    public void The_dll_run_from_elsewhere_finds_web_dist_above_its_own_folder()
    {
        var elsewhere = Directory.CreateTempSubdirectory("shop-cwd-").FullName;
        try
        {
            Assert.Equal(Dist, WebClientHosting.FindRoot(null, contentRoot: elsewhere, baseDirectory: Output));
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
    }

    [Fact]
    public void Dotnet_run_from_the_project_folder_finds_web_dist()
    {
        Assert.Equal(Dist, WebClientHosting.FindRoot(null, contentRoot: Project, baseDirectory: Output));
    }

    [Fact]
    public void WEB_ROOT_wins_over_the_repository_layout()
    {
        var own = Path.Combine(_repo, "elsewhere");
        BuiltClientIn(own);

        Assert.Equal(own, WebClientHosting.FindRoot(own, contentRoot: _repo, baseDirectory: Output));
    }

    [Fact]
    public void A_publish_output_serves_its_wwwroot()
    {
        var wwwroot = Path.Combine(Output, "wwwroot");
        BuiltClientIn(wwwroot);

        Assert.Equal(wwwroot, WebClientHosting.FindRoot(null, contentRoot: Path.GetTempPath(), baseDirectory: Output));
    }

    [Fact]
    public void Without_a_build_there_is_no_web_root()
    {
        File.Delete(Path.Combine(Dist, "index.html"));

        Assert.Null(WebClientHosting.FindRoot(null, contentRoot: _repo, baseDirectory: Output));
    }

    /// <summary>A folder that looks like a built web client (it has an index.html).</summary>
    private static void BuiltClientIn(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!doctype html>");
    }
}
