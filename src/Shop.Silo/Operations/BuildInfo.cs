using System.Reflection;

namespace Shop.Silo.Operations;

/// <summary>
/// The release and the git commit a process was built from: the assembly's informational version,
/// which the SDK writes as <c>1.1.0+&lt;commit&gt;</c> (Version from Directory.Build.props, the commit as
/// SourceRevisionId, found by the SDK in a git checkout). A build outside a checkout (a Docker build,
/// whose context has no .git) has no commit: "unknown".
/// </summary>
public sealed record BuildInfo(string Version, string Commit)
{
    public const string Unknown = "unknown";

    /// <summary>Shop.Silo's own build (every project of a build shares the version and the commit).</summary>
    public static BuildInfo Current { get; } = Of(typeof(BuildInfo).Assembly);

    public static BuildInfo Of(Assembly assembly) =>
        Parse(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public static BuildInfo Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new BuildInfo(Unknown, Unknown);
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return new BuildInfo(informationalVersion.Trim(), Unknown);
        }

        var version = informationalVersion[..plus].Trim();
        var commit = informationalVersion[(plus + 1)..].Trim();
        return new BuildInfo(version.Length > 0 ? version : Unknown, commit.Length > 0 ? commit : Unknown);
    }
}
