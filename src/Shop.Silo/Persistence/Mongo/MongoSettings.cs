using System.Text.RegularExpressions;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// MONGO_URI, read once: the servers, the database (the URI's path, default <c>shop</c>) and the
/// client settings. Nothing here talks to a server, and no message it produces names a password.
/// </summary>
public sealed record MongoSettings
{
    public const string DefaultDatabase = "shop";

    /// <summary>How long a silo's storage call waits for a reachable server, unless the URI says serverSelectionTimeoutMS.</summary>
    public static readonly TimeSpan RuntimeServerSelectionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long migrate / rollback / migration-status wait before they report the server unreachable.</summary>
    public static readonly TimeSpan CommandServerSelectionTimeout = TimeSpan.FromSeconds(5);

    private const string ExpectedShape = "expected mongodb://[user:password@]host[:port][/database][?options] or mongodb+srv://...";

    // MongoDB refuses these in database names (and a name must stay under 64 bytes).
    private static readonly char[] ForbiddenInDatabaseName = ['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?', '\0'];

    /// <summary>How long a write waits for a majority of the replica set, unless the URI says wtimeoutMS.</summary>
    public static readonly TimeSpan DefaultMajorityWait = TimeSpan.FromSeconds(10);

    /// <summary>How long a silo's storage call waits for a server's answer, unless the URI says socketTimeoutMS.</summary>
    public static readonly TimeSpan RuntimeSocketTimeout = TimeSpan.FromSeconds(30);

    private MongoSettings(MongoUrl url, string databaseName, bool explicitServerSelectionTimeout, bool explicitSocketTimeout)
    {
        Url = url;
        DatabaseName = databaseName;
        ExplicitServerSelectionTimeout = explicitServerSelectionTimeout;
        ExplicitSocketTimeout = explicitSocketTimeout;
    }

    public MongoUrl Url { get; }

    public string DatabaseName { get; }

    /// <summary>The URI sets serverSelectionTimeoutMS itself; the shop's defaults then stay out of the way.</summary>
    public bool ExplicitServerSelectionTimeout { get; }

    /// <summary>The URI sets socketTimeoutMS itself.</summary>
    public bool ExplicitSocketTimeout { get; }

    /// <summary>
    /// How membership is read: majority on a replica set (a row a failover could roll back must not
    /// decide which silos live); the server's default on a single server, which has no majority to wait for.
    /// </summary>
    public ReadConcern MembershipReadConcern =>
        Url.ReplicaSetName is not null || Url.Servers.Count() > 1 || Url.Scheme == MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDBPlusSrv
            ? ReadConcern.Majority
            : ReadConcern.Default;

    /// <summary>Parses and checks MONGO_URI; throws <see cref="InvalidOperationException"/> with a message fit for an operator.</summary>
    public static MongoSettings Parse(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new InvalidOperationException($"MONGO_URI is empty; {ExpectedShape}.");
        }

        uri = uri.Trim();
        if (!uri.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"MONGO_URI must start with mongodb:// or mongodb+srv://; {ExpectedShape}.");
        }

        MongoUrl url;
        string[] unknown;
        try
        {
            url = new MongoUrl(uri);
            unknown = [.. new ConnectionString(uri).AllUnknownOptionNames];
        }
        catch (Exception e) when (e is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The driver's own message may quote the whole string, password included: it is not passed on.
            throw new InvalidOperationException($"MONGO_URI is not a valid MongoDB connection string; {ExpectedShape}.");
        }

        if (unknown.Length > 0)
        {
            // The driver drops an option it does not know without a word: a CA file or a time limit
            // the operator relies on, or a misspelt replicaSet, would silently not apply.
            throw new InvalidOperationException(
                $"MONGO_URI sets {string.Join(", ", unknown)}, which the MongoDB .NET driver does not read (it would be ignored). Remove it: " +
                "the driver trusts a private CA through the system's store or SSL_CERT_FILE (not tlsCAFile), and limits waits with wtimeoutMS and socketTimeoutMS (not timeoutMS).");
        }

        var database = string.IsNullOrEmpty(url.DatabaseName) ? DefaultDatabase : url.DatabaseName;
        if (database.IndexOfAny(ForbiddenInDatabaseName) >= 0 || System.Text.Encoding.UTF8.GetByteCount(database) > 63)
        {
            throw new InvalidOperationException(
                $"MONGO_URI names the database '{database}', which MongoDB does not allow (no / \\ . space \" $ * < > : | ?, at most 63 bytes).");
        }

        if (url.W is WriteConcern.WCount { Value: 0 })
        {
            throw new InvalidOperationException(
                "MONGO_URI asks for w=0 (unacknowledged writes): the shop's storage could not see a concurrent writer. Remove w=0.");
        }

        if (url.W is WriteConcern.WCount { Value: 1 })
        {
            // Raising it silently would overrule the operator; saying so lets them remove it knowingly.
            throw new InvalidOperationException(
                "MONGO_URI asks for w=1: a write the primary alone acknowledged (a stock reservation, a payment) can be rolled back by a failover. Remove w=1 (the shop then writes with w=majority) or set w=majority.");
        }

        if (url.ReadPreference is { ReadPreferenceMode: not ReadPreferenceMode.Primary } preference)
        {
            // A secondary may lag: a grain would read an old etag and fail every write, a silo an old membership table.
            throw new InvalidOperationException(
                $"MONGO_URI asks for readPreference={preference.ReadPreferenceMode}: grain state, membership and reminders must be read from the primary. Remove readPreference.");
        }

        return new MongoSettings(url, database, HasOption(uri, "serverSelectionTimeoutMS"), HasOption(uri, "socketTimeoutMS"));
    }

    /// <summary>host:port[,host:port]/database: what to print about the target, never the user or password.</summary>
    public string Describe()
    {
        var hosts = Url.Scheme == MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDBPlusSrv
            ? Url.Server.Host
            : string.Join(",", Url.Servers.Select(s => $"{s.Host}:{s.Port}"));
        return $"{hosts}/{DatabaseName}";
    }

    /// <summary>
    /// The driver's settings: the URI's, plus an application name, a server selection timeout and (for
    /// a silo's storage, <paramref name="socketTimeout"/>) an answer timeout where it gives none, so no
    /// storage call waits forever. Migrations pass none: an index build may rightly take long.
    /// </summary>
    public MongoClientSettings ClientSettings(string applicationName, TimeSpan serverSelectionTimeout, TimeSpan? socketTimeout = null)
    {
        var settings = MongoClientSettings.FromUrl(Url);
        if (!ExplicitServerSelectionTimeout)
        {
            settings.ServerSelectionTimeout = serverSelectionTimeout;
        }

        if (socketTimeout is { } answer && !ExplicitSocketTimeout)
        {
            settings.SocketTimeout = answer;
        }

        settings.ApplicationName ??= applicationName;
        settings.ClusterConfigurator = MongoMetrics.Subscribe;

        // A reservation acknowledged by a primary alone can be rolled back by a failover, and stock
        // with it: unless the URI asks for a write concern, writes wait for a majority, keeping the
        // URI's journal option. With a majority out of reach the wait ends after wtimeoutMS (default
        // DefaultMajorityWait) with an error instead of holding the grain forever.
        if (Url.W is null)
        {
            settings.WriteConcern = settings.WriteConcern.With(w: WriteConcern.WMode.Majority);
        }

        if (settings.WriteConcern.WTimeout is null)
        {
            settings.WriteConcern = settings.WriteConcern.With(wTimeout: DefaultMajorityWait);
        }

        return settings;
    }

    // An option by its exact name, whatever its case.
    private static bool HasOption(string uri, string name) =>
        Regex.IsMatch(uri, $@"[?&]{Regex.Escape(name)}=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The same URI with another database: the tests give every run a database of its own.</summary>
    public static string WithDatabase(string uri, string database) =>
        new MongoUrlBuilder(uri) { DatabaseName = database }.ToString();

    public override string ToString() => Describe();
}
