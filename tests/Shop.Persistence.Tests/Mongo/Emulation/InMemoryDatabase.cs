using System.Reflection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Shop.Persistence.Tests.Mongo.Emulation;

/// <summary>
/// The <see cref="IMongoDatabase"/> calls the migrator makes (GetCollection, ListCollectionNames,
/// CreateCollection, DropCollection) over an <see cref="InMemoryMongoConnection"/>'s collections, so
/// migrate and rollback run server-free; every other call is refused.
/// </summary>
internal static class InMemoryDatabase
{
    public static IMongoDatabase Create(InMemoryMongoConnection connection)
    {
        var proxy = DispatchProxy.Create<IMongoDatabase, DatabaseProxy>();
        ((DatabaseProxy)(object)proxy).Connection = connection;
        return proxy;
    }

    private static object? Dispatch(InMemoryMongoConnection connection, MethodInfo method, object?[] args)
    {
        // Session overloads take the session first; the emulation has no sessions.
        var a = args.Length > 0 && method.GetParameters()[0].ParameterType == typeof(IClientSessionHandle) ? args[1..] : args;
        return method.Name switch
        {
            "get_DatabaseNamespace" => new DatabaseNamespace("shop"),
            "GetCollection" when method.GetGenericArguments() is [var t] && t == typeof(BsonDocument) => connection.Collection((string)a[0]!),
            "ListCollectionNamesAsync" => Task.FromResult<IAsyncCursor<string>>(new ListCursor<string>(connection.CollectionNames())),
            "CreateCollectionAsync" => connection.CreateCollection((string)a[0]!),
            "DropCollectionAsync" => connection.DropCollection((string)a[0]!),
            _ => throw new NotSupportedException($"IMongoDatabase.{method} is not emulated."),
        };
    }

    public class DatabaseProxy : DispatchProxy
    {
        internal InMemoryMongoConnection? Connection { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Dispatch(Connection!, targetMethod!, args ?? []);
    }
}

/// <summary>A collection's index manager: records the names the migrations create (createIndexes is idempotent).</summary>
internal static class InMemoryIndexes
{
    public static IMongoIndexManager<BsonDocument> Create(InMemoryCollection collection)
    {
        var proxy = DispatchProxy.Create<IMongoIndexManager<BsonDocument>, IndexesProxy>();
        ((IndexesProxy)(object)proxy).Collection = collection;
        return proxy;
    }

    private static object? Dispatch(InMemoryCollection collection, MethodInfo method, object?[] args) => method.Name switch
    {
        "CreateOneAsync" when args[0] is CreateIndexModel<BsonDocument> { Options.Name: { } name } model =>
            Task.FromResult(Create(collection, name, model)),
        _ => throw new NotSupportedException($"IMongoIndexManager.{method} is not emulated."),
    };

    private static string Create(InMemoryCollection collection, string name, CreateIndexModel<BsonDocument> model)
    {
        collection.Indexes[name] = model.Keys.Render(new RenderArgs<BsonDocument>(
            MongoDB.Bson.Serialization.Serializers.BsonDocumentSerializer.Instance, MongoDB.Bson.Serialization.BsonSerializer.SerializerRegistry));
        collection.Exists = true;
        return name;
    }

    public class IndexesProxy : DispatchProxy
    {
        internal InMemoryCollection? Collection { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Dispatch(Collection!, targetMethod!, args ?? []);
    }
}
