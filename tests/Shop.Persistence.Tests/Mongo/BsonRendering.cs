using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Renders filters and updates to the BSON the driver sends, with the driver's own serializer registry.</summary>
internal static class BsonRendering
{
    private static readonly RenderArgs<BsonDocument> Args = new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    public static BsonDocument Render(this FilterDefinition<BsonDocument> filter) => filter.Render(Args);

    public static BsonDocument Render(this UpdateDefinition<BsonDocument> update) => update.Render(Args).AsBsonDocument;

    /// <summary>Relaxed extended JSON: what the mongo shell would show.</summary>
    public static string Json(this BsonDocument document) =>
        document.ToJson(new MongoDB.Bson.IO.JsonWriterSettings { OutputMode = MongoDB.Bson.IO.JsonOutputMode.RelaxedExtendedJson });
}
