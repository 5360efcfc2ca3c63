using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using Shop.Silo.Configuration;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Server-free: MONGO_URI parsing, checks and what is printed about it.</summary>
public sealed class MongoSettingsTests
{
    [Theory]
    [InlineData("mongodb://localhost:27017/shop", "shop", "localhost:27017/shop")]
    [InlineData("mongodb://localhost:27017", "shop", "localhost:27017/shop")]
    [InlineData("mongodb://localhost:27017/", "shop", "localhost:27017/shop")]
    [InlineData("mongodb://localhost/store_prod", "store_prod", "localhost:27017/store_prod")]
    [InlineData("mongodb://shop:s3cret@db1:27017,db2:27018/shop?replicaSet=rs0&authSource=admin", "shop", "db1:27017,db2:27018/shop")]
    [InlineData("  mongodb://localhost/shop  ", "shop", "localhost:27017/shop")]
    public void The_database_comes_from_the_path_and_defaults_to_shop(string uri, string database, string described)
    {
        var settings = MongoSettings.Parse(uri);
        Assert.Equal(database, settings.DatabaseName);
        Assert.Equal(described, settings.Describe());
    }

    [Fact]
    public void An_SRV_URI_is_read_without_a_DNS_lookup_and_described_by_its_host()
    {
        var settings = MongoSettings.Parse("mongodb+srv://shop:hunter2-secret@cluster0.example.net/shop?retryWrites=true");
        Assert.Equal("shop", settings.DatabaseName);
        Assert.Equal("cluster0.example.net/shop", settings.Describe());
    }

    [Fact]
    public void What_is_printed_names_no_user_or_password()
    {
        var settings = MongoSettings.Parse("mongodb://shop:hunter2-secret@db:27017/shop?authSource=admin");
        Assert.DoesNotContain("hunter2", settings.Describe());
        Assert.DoesNotContain("shop:", settings.Describe());
        Assert.DoesNotContain("hunter2", settings.ToString());
    }

    [Theory]
    [InlineData(null, "MONGO_URI is empty")]
    [InlineData("  ", "MONGO_URI is empty")]
    [InlineData("localhost:27017/shop", "must start with mongodb://")]
    [InlineData("http://user:hunter2-secret@localhost/shop", "must start with mongodb://")]
    [InlineData("mongodb://user:hunter2-secret@", "not a valid MongoDB connection string")]
    [InlineData("mongodb://user:hunter2-secret@db:notaport/shop", "not a valid MongoDB connection string")]
    [InlineData("mongodb://user:hunter2-secret@db/shop?w=0", "w=0")]
    [InlineData("mongodb://user:hunter2-secret@db/shop?w=1", "w=1")]
    [InlineData("mongodb://db/shop.v2", "does not allow")]
    [InlineData("mongodb://db/shop%20prod", "does not allow")]
    [InlineData("mongodb://db/a234567890123456789012345678901234567890123456789012345678901234", "does not allow")]
    public void A_bad_URI_is_refused_with_a_message_that_names_no_password(string? uri, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => MongoSettings.Parse(uri));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Theory]
    [InlineData("tlsCAFile=/etc/ssl/mongo-ca.pem", "tlsCAFile")]
    [InlineData("tlsCertificateKeyFile=/etc/ssl/client.pem", "tlsCertificateKeyFile")]
    [InlineData("timeoutMS=5000", "timeoutMS")]
    [InlineData("replSet=rs1", "replSet")]
    public void An_option_the_driver_would_silently_ignore_is_refused(string option, string name)
    {
        var e = Assert.Throws<InvalidOperationException>(() => MongoSettings.Parse($"mongodb://u:hunter2-secret@db1,db2/shop?replicaSet=rs0&tls=true&{option}"));
        Assert.Contains($"MONGO_URI sets {name},", e.Message);
        Assert.Contains("SSL_CERT_FILE", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.DoesNotContain("/etc/ssl", e.Message);
    }

    [Fact]
    public void The_runbooks_production_URI_is_read_as_it_says()
    {
        var settings = MongoSettings.Parse(
            "mongodb://shop:hunter2-secret@db1:27017,db2:27017,db3:27017/shop?replicaSet=rs0&authSource=admin" +
            "&w=majority&retryWrites=true&wtimeoutMS=10000&socketTimeoutMS=30000&tls=true");
        var client = settings.ClientSettings("test", TimeSpan.FromSeconds(1), MongoSettings.RuntimeSocketTimeout);

        Assert.Equal("rs0", client.ReplicaSetName);
        Assert.Equal("majority", client.WriteConcern.W.ToString());
        Assert.Equal(TimeSpan.FromSeconds(10), client.WriteConcern.WTimeout);
        Assert.True(client.RetryWrites);
        Assert.Equal(TimeSpan.FromSeconds(30), client.SocketTimeout);
        Assert.True(client.UseTls);
        Assert.Equal(ReadConcern.Majority, settings.MembershipReadConcern);
        Assert.Equal("db1:27017,db2:27017,db3:27017/shop", settings.Describe());
    }

    [Fact]
    public void Composes_URI_names_its_replica_set_with_majority_and_retryable_writes()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "docker-compose.yml")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("docker-compose.yml not found above the test's folder");
        }

        var uri = File.ReadLines(Path.Combine(root, ".env.example")).Single(l => l.StartsWith("MONGO_URI=", StringComparison.Ordinal))["MONGO_URI=".Length..];
        var settings = MongoSettings.Parse(uri);
        var client = settings.ClientSettings("test", TimeSpan.FromSeconds(1), MongoSettings.RuntimeSocketTimeout);

        Assert.Equal("mongodb:27017/shop", settings.Describe());
        Assert.Equal("rs0", client.ReplicaSetName);
        Assert.Equal("majority", client.WriteConcern.W.ToString());
        Assert.True(client.RetryWrites);
        Assert.NotNull(client.WriteConcern.WTimeout);
        Assert.Equal(ReadConcern.Majority, settings.MembershipReadConcern);
    }

    [Fact]
    public void The_client_gets_a_short_server_selection_timeout_and_an_application_name_unless_the_URI_sets_them()
    {
        var plain = MongoSettings.Parse("mongodb://db/shop").ClientSettings("shop-migrate", TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), plain.ServerSelectionTimeout);
        Assert.Equal("shop-migrate", plain.ApplicationName);

        var own = MongoSettings.Parse("mongodb://db/shop?serverSelectionTimeoutMS=1500&appName=ops").ClientSettings("shop-migrate", TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), own.ServerSelectionTimeout);
        Assert.Equal("ops", own.ApplicationName);
    }

    [Fact]
    public void Tests_can_point_the_same_URI_at_another_database()
    {
        var uri = MongoSettings.WithDatabase("mongodb://u:p@db:27017/shop?authSource=admin", "shoptest_x");
        var settings = MongoSettings.Parse(uri);
        Assert.Equal("shoptest_x", settings.DatabaseName);
        Assert.Equal("admin", settings.Url.AuthenticationSource);
        Assert.Equal("p", settings.Url.Password);
    }

    [Fact]
    public void MONGO_URI_alone_selects_mongodb_and_a_bad_one_stops_the_silo_settings()
    {
        var settings = SiloSettings.From(Config(("MONGO_URI", "mongodb://db/shop")));
        Assert.Equal(StorageProvider.MongoDb, settings.Storage);
        settings.EnsureComplete();

        var bad = SiloSettings.From(Config(("MONGO_URI", "mongodb://u:hunter2-secret@")));
        var e = Assert.Throws<InvalidOperationException>(bad.EnsureComplete);
        Assert.DoesNotContain("hunter2", e.Message);

        Assert.Contains(ProductionRules.ForStorage(Config(("STORAGE_PROVIDER", "mongodb"))), p => p.Contains("needs MONGO_URI"));
        Assert.Empty(ProductionRules.ForStorage(Config(("MONGO_URI", "mongodb://db/shop"))));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Theory]
    [InlineData("mongodb://db.example.com:27017/shop", "majority")]
    [InlineData("mongodb://db.example.com:27017/shop?w=majority", "majority")]
    [InlineData("mongodb://db.example.com:27017/shop?w=2", "2")]
    public void Writes_wait_for_a_majority_unless_the_uri_says_otherwise(string uri, string expected)
    {
        var settings = MongoSettings.Parse(uri).ClientSettings("test", TimeSpan.FromSeconds(1));
        Assert.Equal(expected, settings.WriteConcern.W.ToString());
    }

    [Fact]
    public void Raising_writes_to_a_majority_keeps_the_URIs_wtimeout_and_journal()
    {
        var settings = MongoSettings.Parse("mongodb://db/shop?wtimeoutMS=5000&journal=true").ClientSettings("test", TimeSpan.FromSeconds(1));
        Assert.Equal("majority", settings.WriteConcern.W.ToString());
        Assert.Equal(TimeSpan.FromSeconds(5), settings.WriteConcern.WTimeout);
        Assert.True(settings.WriteConcern.Journal);
    }

    [Theory]
    [InlineData("mongodb://db/shop", 10_000, 30_000)]
    [InlineData("mongodb://db/shop?connectTimeoutMS=200&serverSelectionTimeoutMS=300", 10_000, 30_000)]
    [InlineData("mongodb://db/shop?wtimeoutMS=1500&socketTimeoutMS=2500", 1_500, 2_500)]
    [InlineData("mongodb://db/shop?replicaSet=rs0&WTIMEOUTMS=3500&SocketTimeoutMS=4500", 3_500, 4_500)]
    public void A_silos_storage_calls_cannot_wait_forever_for_a_majority_or_an_answer(string uri, int majorityWait, int answerWait)
    {
        var settings = MongoSettings.Parse(uri).ClientSettings("test", TimeSpan.FromSeconds(1), MongoSettings.RuntimeSocketTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(majorityWait), settings.WriteConcern.WTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(answerWait), settings.SocketTimeout);

        // Migrations set no answer timeout: an index build may take long.
        Assert.Equal(MongoClientSettings.FromUrl(new MongoUrl(uri)).SocketTimeout, MongoSettings.Parse(uri).ClientSettings("migrate", TimeSpan.FromSeconds(1)).SocketTimeout);
    }

    [Theory]
    [InlineData("secondaryPreferred")]
    [InlineData("secondary")]
    [InlineData("nearest")]
    [InlineData("primaryPreferred")]
    public void Reads_from_anywhere_but_the_primary_are_refused(string preference)
    {
        var e = Assert.Throws<InvalidOperationException>(() => MongoSettings.Parse($"mongodb://u:hunter2-secret@db1,db2/shop?replicaSet=rs0&readPreference={preference}"));
        Assert.Contains("must be read from the primary", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.Equal(ReadPreference.Primary, MongoSettings.Parse("mongodb://db1,db2/shop?replicaSet=rs0&readPreference=primary").ClientSettings("test", TimeSpan.FromSeconds(1)).ReadPreference);
    }

    [Theory]
    [InlineData("mongodb://db/shop", false)]
    [InlineData("mongodb://db1,db2,db3/shop", true)]
    [InlineData("mongodb://db/shop?replicaSet=rs0", true)]
    [InlineData("mongodb+srv://cluster0.example.net/shop", true)]
    public void Membership_is_read_at_majority_on_a_replica_set_and_at_the_default_on_one_server(string uri, bool majority) =>
        Assert.Equal(majority ? ReadConcern.Majority : ReadConcern.Default, MongoSettings.Parse(uri).MembershipReadConcern);
}
