using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Shop.Grains.Carts;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Server-free: the grain state document, its conditional write and the etags.</summary>
public sealed class GrainStateDocumentTests
{
    private static readonly BsonDocument Cart42 = GrainStateDocuments.DocumentId("shop", GrainId.Create("cart", "42"));

    [Fact]
    public void A_write_is_filtered_on_the_id_and_the_etag_the_grain_read()
    {
        var filter = GrainStateDocuments.Expected(Cart42, "e1").Render();
        Assert.Equal(new BsonDocument { { "_id", Cart42 }, { "etag", "e1" } }, filter);
    }

    [Fact]
    public void A_first_write_is_filtered_on_a_null_etag_so_it_cannot_match_an_existing_document()
    {
        var filter = GrainStateDocuments.Expected(Cart42, null).Render();
        Assert.Equal(new BsonDocument { { "_id", Cart42 }, { "etag", BsonNull.Value } }, filter);
        Assert.Equal("""{ "_id" : { "serviceId" : "shop", "grainId" : "cart/42" }, "etag" : null }""", filter.Json());
    }

    [Fact]
    public void A_write_sets_the_new_etag_and_the_binary_state_with_upsert_on()
    {
        var update = GrainStateDocuments.Write("e2", [1, 2, 3]).Render();
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "etag", "e2" }, { "state", new BsonBinaryData([1, 2, 3]) } }),
            update);
        Assert.True(GrainStateDocuments.Upsert.IsUpsert);
    }

    [Fact]
    public void A_clear_keeps_the_document_with_a_null_state_and_a_new_etag()
    {
        var update = GrainStateDocuments.Clear("e3").Render();
        Assert.Equal(new BsonDocument("$set", new BsonDocument { { "etag", "e3" }, { "state", BsonNull.Value } }), update);
    }

    [Fact]
    public void Every_write_gets_a_new_etag()
    {
        var etags = Enumerable.Range(0, 1000).Select(_ => GrainStateDocuments.NewETag()).ToList();
        Assert.Equal(1000, etags.Distinct().Count());
        Assert.All(etags, e => Assert.Matches("^[0-9a-f]{32}$", e));
    }

    [Fact]
    public void The_document_id_is_the_service_and_the_grain_id_and_the_collection_the_state_name()
    {
        // In this order: a sub-document _id matches only with its fields in the same order.
        Assert.Equal(
            new BsonDocument { { "serviceId", "shop" }, { "grainId", "cart/u-42" } },
            GrainStateDocuments.DocumentId("shop", GrainId.Create("cart", "u-42")));
        Assert.Equal(["serviceId", "grainId"], GrainStateDocuments.DocumentId("s", GrainId.Create("cart", "1")).Names);
        Assert.Equal("state_cart", MongoNames.GrainStateCollection("cart"));
        Assert.Equal("state_order-index", MongoNames.GrainStateCollection("order-index"));
        Assert.Equal("state__x", MongoNames.GrainStateCollection("$x"));
        Assert.Throws<ArgumentException>(() => MongoNames.GrainStateCollection(" "));
    }

    [Fact]
    public void Reading_tells_absent_cleared_and_stored_apart()
    {
        Assert.Equal(StoredGrainState.Absent, GrainStateDocuments.Read(null));

        var cleared = GrainStateDocuments.Read(GrainStateDocuments.Document(Cart42, "e5", null));
        Assert.False(cleared.RecordExists);
        Assert.Equal("e5", cleared.ETag);
        Assert.Null(cleared.Payload);

        var stored = GrainStateDocuments.Read(GrainStateDocuments.Document(Cart42, "e6", [9, 8]));
        Assert.True(stored.RecordExists);
        Assert.Equal("e6", stored.ETag);
        Assert.Equal([9, 8], stored.Payload);
    }

    [Fact]
    public void A_shop_state_round_trips_through_the_binary_serializer_and_the_document()
    {
        var serializer = new OrleansGrainStorageSerializer(
            new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());
        var state = new CartState { Lines = [new StoredCartLine("商品-α", 3), new StoredCartLine("product-β", 99)] };

        var document = GrainStateDocuments.Document(Cart42, "e7", serializer.Serialize(state).ToArray());
        var bytes = document.ToBson();
        var read = GrainStateDocuments.Read(MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(bytes));

        Assert.Equal(state.Lines, serializer.Deserialize<CartState>(new BinaryData(read.Payload!))!.Lines);
        Assert.Equal(BsonBinarySubType.Binary, document["state"].AsBsonBinaryData.SubType);
    }
}
