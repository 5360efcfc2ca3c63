using MongoDB.Bson;
using MongoDB.Driver;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// The process's one MongoDB client (it pools connections) and the shop's database. Creating it
/// opens nothing: the driver connects on the first operation. The providers reach their data only
/// through <see cref="Collection"/>, which a test double may override.
/// </summary>
public class MongoConnection : IDisposable
{
    private readonly MongoClient? _client;
    private readonly IMongoDatabase? _database;

    public MongoConnection(MongoSettings settings, string applicationName, TimeSpan serverSelectionTimeout, TimeSpan? socketTimeout = null)
    {
        Settings = settings;
        _client = new MongoClient(settings.ClientSettings(applicationName, serverSelectionTimeout, socketTimeout));
        _database = _client.GetDatabase(settings.DatabaseName);
    }

    /// <summary>For test doubles: no client, only <see cref="Collection"/>.</summary>
    protected MongoConnection(MongoSettings settings) => Settings = settings;

    public MongoSettings Settings { get; }

    public IMongoClient Client => _client ?? throw new InvalidOperationException("This MongoDB connection has no client.");

    public IMongoDatabase Database => _database ?? throw new InvalidOperationException("This MongoDB connection has no database.");

    public virtual IMongoCollection<BsonDocument> Collection(string name) => Database.GetCollection<BsonDocument>(name);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
        }
    }
}
