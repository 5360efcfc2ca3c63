using System.Collections.Concurrent;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo.Emulation;

/// <summary>
/// A <see cref="MongoConnection"/> whose collections live in memory and follow <see cref="MongoSemantics"/>:
/// each operation is atomic on its collection, and an insert (or upsert) of an existing <c>_id</c>
/// fails with the driver's own duplicate-key <see cref="MongoWriteException"/>. It lets the provider
/// contract tests run without a server; it is a model of MongoDB, not MongoDB.
/// </summary>
internal sealed class InMemoryMongoConnection() : MongoConnection(MongoSettings.Parse("mongodb://in-memory/shop?replicaSet=rs0"))
{
    private readonly ConcurrentDictionary<string, InMemoryCollection> _collections = new();

    public override IMongoCollection<BsonDocument> Collection(string name) =>
        _collections.GetOrAdd(name, n => new InMemoryCollection(n)).Proxy;

    public IReadOnlyList<BsonDocument> Documents(string collection) =>
        _collections.TryGetValue(collection, out var c) ? c.Snapshot() : [];

    /// <summary>The same collections as a database, for the migrator (see <see cref="InMemoryDatabase"/>).</summary>
    public IMongoDatabase InMemoryDatabase => field ??= Emulation.InMemoryDatabase.Create(this);

    /// <summary>The collections that exist: created, or written to (as on a server, reading creates none).</summary>
    internal IReadOnlyList<string> CollectionNames() =>
        _collections.Where(c => c.Value.Exists).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>createCollection: fails with the server's NamespaceExists (48) when it exists.</summary>
    internal Task CreateCollection(string name)
    {
        var collection = _collections.GetOrAdd(name, n => new InMemoryCollection(n));
        if (collection.Exists)
        {
            return Task.FromException(DriverErrors.CommandException(48, $"Collection shop.{name} already exists."));
        }

        collection.Exists = true;
        return Task.CompletedTask;
    }

    /// <summary>drop: the collection, its documents and indexes are gone; dropping a missing one is no error.</summary>
    internal Task DropCollection(string name)
    {
        _collections.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    /// <summary>The read concerns the providers asked of the collection (the model itself reads one copy).</summary>
    public IReadOnlyCollection<ReadConcern> ReadConcerns(string collection) =>
        _collections.TryGetValue(collection, out var c) ? c.ReadConcerns : [];
}

/// <summary>
/// The driver's collection base class is internal, so the collection is a <see cref="DispatchProxy"/>
/// of <see cref="IMongoCollection{TDocument}"/> that serves the calls the providers make (Find,
/// UpdateOne, ReplaceOne, InsertOne, DeleteOne, DeleteMany; the index names the migrations create)
/// and refuses every other.
/// </summary>
internal sealed class InMemoryCollection
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    private readonly List<BsonDocument> _documents = [];
    private readonly Lock _lock = new();
    private readonly string _name;

    public InMemoryCollection(string name)
    {
        _name = name;
        Proxy = DispatchProxy.Create<IMongoCollection<BsonDocument>, CollectionProxy>();
        ((CollectionProxy)(object)Proxy).Target = this;
    }

    public IMongoCollection<BsonDocument> Proxy { get; }

    public ConcurrentQueue<ReadConcern> ReadConcerns { get; } = new();

    /// <summary>Created, or written to.</summary>
    public bool Exists { get; set; }

    /// <summary>The indexes' names (the model uses none to find documents).</summary>
    public ConcurrentDictionary<string, BsonDocument> Indexes { get; } = new();

    public IReadOnlyList<BsonDocument> Snapshot()
    {
        lock (_lock)
        {
            return _documents.Select(d => d.DeepClone().AsBsonDocument).ToList();
        }
    }

    public object? Dispatch(MethodInfo method, object?[] args)
    {
        // Session overloads take the session first; the emulation has no sessions.
        var a = args.Length > 0 && method.GetParameters()[0].ParameterType == typeof(IClientSessionHandle) ? args[1..] : args;
        return method.Name switch
        {
            "get_CollectionNamespace" => new CollectionNamespace("shop", _name),
            "get_DocumentSerializer" => BsonDocumentSerializer.Instance,
            "get_Settings" => new MongoCollectionSettings(),
            "get_Indexes" => InMemoryIndexes.Create(this),
            "WithReadConcern" => WithReadConcern((ReadConcern)a[0]!),
            "FindAsync" when method.ReturnType == typeof(Task<IAsyncCursor<BsonDocument>>) && a[0] is FilterDefinition<BsonDocument> filter =>
                Task.FromResult<IAsyncCursor<BsonDocument>>(new ListCursor<BsonDocument>(Find(filter, (a[1] as FindOptions<BsonDocument, BsonDocument>)?.Limit))),
            "UpdateOneAsync" when a[1] is UpdateDefinition<BsonDocument> update =>
                Task.FromResult(UpdateOne((FilterDefinition<BsonDocument>)a[0]!, update, (a[2] as UpdateOptions)?.IsUpsert == true)),
            "ReplaceOneAsync" =>
                Task.FromResult(ReplaceOne((FilterDefinition<BsonDocument>)a[0]!, (BsonDocument)a[1]!, (a[2] as ReplaceOptions)?.IsUpsert == true)),
            "InsertOneAsync" => InsertOne((BsonDocument)a[0]!),
            "DeleteOneAsync" => Task.FromResult(Delete((FilterDefinition<BsonDocument>)a[0]!, one: true)),
            "DeleteManyAsync" => Task.FromResult(Delete((FilterDefinition<BsonDocument>)a[0]!, one: false)),
            _ => throw new NotSupportedException($"IMongoCollection.{method} is not emulated."),
        };
    }

    private IMongoCollection<BsonDocument> WithReadConcern(ReadConcern concern)
    {
        ReadConcerns.Enqueue(concern);
        return Proxy;
    }

    private List<BsonDocument> Find(FilterDefinition<BsonDocument> filter, int? limit)
    {
        var query = filter.Render(Args);
        lock (_lock)
        {
            var found = _documents.Where(d => MongoSemantics.Matches(d, query, out _)).Select(d => d.DeepClone().AsBsonDocument);
            return (limit is > 0 ? found.Take(limit.Value) : found).ToList();
        }
    }

    private UpdateResult UpdateOne(FilterDefinition<BsonDocument> filter, UpdateDefinition<BsonDocument> update, bool upsert)
    {
        var query = filter.Render(Args);
        var change = update.Render(Args).AsBsonDocument;
        lock (_lock)
        {
            foreach (var document in _documents)
            {
                if (MongoSemantics.Matches(document, query, out var positional))
                {
                    var before = document.DeepClone();
                    MongoSemantics.ApplyUpdate(document, change, positional, isInsert: false);
                    return new UpdateResult.Acknowledged(1, before.Equals(document) ? 0 : 1, null);
                }
            }

            if (!upsert)
            {
                return new UpdateResult.Acknowledged(0, 0, null);
            }

            var inserted = MongoSemantics.Seed(query);
            MongoSemantics.ApplyUpdate(inserted, change, null, isInsert: true);
            Insert(inserted);
            return new UpdateResult.Acknowledged(0, 0, inserted["_id"]);
        }
    }

    private ReplaceOneResult ReplaceOne(FilterDefinition<BsonDocument> filter, BsonDocument replacement, bool upsert)
    {
        var query = filter.Render(Args);
        lock (_lock)
        {
            for (var i = 0; i < _documents.Count; i++)
            {
                if (MongoSemantics.Matches(_documents[i], query, out _))
                {
                    var next = replacement.DeepClone().AsBsonDocument;
                    next.Set("_id", _documents[i]["_id"]);
                    var modified = next.Equals(_documents[i]) ? 0 : 1;
                    _documents[i] = next;
                    return new ReplaceOneResult.Acknowledged(1, modified, null);
                }
            }

            if (!upsert)
            {
                return new ReplaceOneResult.Acknowledged(0, 0, null);
            }

            var inserted = replacement.DeepClone().AsBsonDocument;
            if (!inserted.Contains("_id") && MongoSemantics.Seed(query).TryGetValue("_id", out var id))
            {
                inserted.InsertAt(0, new BsonElement("_id", id));
            }

            Insert(inserted);
            return new ReplaceOneResult.Acknowledged(0, 0, inserted["_id"]);
        }
    }

    private Task InsertOne(BsonDocument document)
    {
        lock (_lock)
        {
            Insert(document.DeepClone().AsBsonDocument);
        }

        return Task.CompletedTask;
    }

    private DeleteResult Delete(FilterDefinition<BsonDocument> filter, bool one)
    {
        var query = filter.Render(Args);
        lock (_lock)
        {
            var matching = _documents.Where(d => MongoSemantics.Matches(d, query, out _)).ToList();
            if (one)
            {
                matching = matching.Take(1).ToList();
            }

            foreach (var document in matching)
            {
                _documents.Remove(document);
            }

            return new DeleteResult.Acknowledged(matching.Count);
        }
    }

    /// <summary>Inserts under the lock, refusing a second document with the same _id as the server's unique _id index does.</summary>
    private void Insert(BsonDocument document)
    {
        if (!document.Contains("_id"))
        {
            document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
        }

        if (_documents.Any(d => d["_id"].Equals(document["_id"])))
        {
            var message = $"E11000 duplicate key error collection: shop.{_name} index: _id_ dup key: {{ _id: {document["_id"].ToJson()} }}";
            // No errInfo: the driver keeps nothing else of a server's duplicate-key write error.
            throw DriverErrors.WriteException(11000, message);
        }

        _documents.Add(document);
        Exists = true;
    }

    public class CollectionProxy : DispatchProxy
    {
        internal InMemoryCollection? Target { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Target!.Dispatch(targetMethod!, args ?? []);
    }
}

/// <summary>A cursor that hands over its whole list as one batch.</summary>
internal sealed class ListCursor<T>(IReadOnlyList<T> items) : IAsyncCursor<T>
{
    private int _calls;

    public IEnumerable<T> Current => _calls == 1 ? items : [];

    public bool MoveNext(CancellationToken cancellationToken = default) => ++_calls == 1;

    public Task<bool> MoveNextAsync(CancellationToken cancellationToken = default) => Task.FromResult(MoveNext(cancellationToken));

    public void Dispose()
    {
    }
}
