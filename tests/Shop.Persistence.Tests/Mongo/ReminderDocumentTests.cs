using MongoDB.Bson;
using Orleans.Runtime;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>Server-free: the reminder document and its queries, the hash ring included.</summary>
public sealed class ReminderDocumentTests
{
    private static readonly GrainId Order = GrainId.Create("order", "o-1");

    [Fact]
    public void A_reminder_round_trips_through_its_document()
    {
        var entry = new ReminderEntry
        {
            GrainId = Order,
            ReminderName = "payment-deadline",
            StartAt = new DateTime(2025, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc),
            Period = TimeSpan.FromMinutes(30),
        };

        var document = ReminderDocuments.Document("shop", entry, "e1");
        var read = ReminderDocuments.Read(MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(document.ToBson()));

        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal(entry.ReminderName, read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal("e1", read.ETag);
        Assert.Equal(new BsonDocument { { "serviceId", "shop" }, { "grainId", "order/o-1" }, { "name", "payment-deadline" } }, document["_id"]);
        Assert.Equal((long)Order.GetUniformHashCode(), document["grainHash"].AsInt64);
        Assert.Equal(1_800_000L, document["periodMs"].AsInt64);
    }

    [Fact]
    public void A_reminder_is_found_by_its_whole_key_and_removed_only_with_its_etag()
    {
        var key = new BsonDocument { { "serviceId", "shop" }, { "grainId", "order/o-1" }, { "name", "r" } };
        Assert.Equal(new BsonDocument("_id", key), ReminderDocuments.ByKey("shop", Order, "r").Render());
        Assert.Equal(new BsonDocument { { "_id", key }, { "etag", "e9" } }, ReminderDocuments.ByKeyAndETag("shop", Order, "r", "e9").Render());
        Assert.True(ReminderDocuments.Upsert.IsUpsert);
    }

    [Fact]
    public void Reads_by_grain_and_by_service_stay_within_the_service()
    {
        Assert.Equal(
            new BsonDocument { { "_id.serviceId", "shop" }, { "_id.grainId", "order/o-1" } },
            ReminderDocuments.ByGrain("shop", Order).Render());
        Assert.Equal(new BsonDocument("_id.serviceId", "shop"), ReminderDocuments.ByService("shop").Render());
    }

    [Fact]
    public void A_range_that_does_not_wrap_is_begin_exclusive_to_end_inclusive()
    {
        Assert.Equal(
            new BsonDocument { { "_id.serviceId", "shop" }, { "grainHash", new BsonDocument { { "$gt", 100L }, { "$lte", 200L } } } },
            ReminderDocuments.ByRange("shop", 100, 200).Render());
    }

    [Fact]
    public void A_range_that_wraps_takes_both_ends_of_the_ring()
    {
        Assert.Equal(
            new BsonDocument
            {
                { "_id.serviceId", "shop" },
                { "$or", new BsonArray { new BsonDocument("grainHash", new BsonDocument("$gt", 4_000_000_000L)), new BsonDocument("grainHash", new BsonDocument("$lte", 50L)) } },
            },
            ReminderDocuments.ByRange("shop", 4_000_000_000, 50).Render());
    }

    [Theory]
    [InlineData(100u, 200u, 100u, false)]
    [InlineData(100u, 200u, 101u, true)]
    [InlineData(100u, 200u, 200u, true)]
    [InlineData(100u, 200u, 201u, false)]
    [InlineData(4_000_000_000u, 50u, 4_000_000_001u, true)]
    [InlineData(4_000_000_000u, 50u, uint.MaxValue, true)]
    [InlineData(4_000_000_000u, 50u, 0u, true)]
    [InlineData(4_000_000_000u, 50u, 50u, true)]
    [InlineData(4_000_000_000u, 50u, 51u, false)]
    [InlineData(4_000_000_000u, 50u, 4_000_000_000u, false)]
    [InlineData(0u, 0u, 0u, true)]
    [InlineData(0u, 0u, 12345u, true)]
    [InlineData(7u, 7u, 7u, true)]
    [InlineData(0u, uint.MaxValue, 0u, false)]
    [InlineData(0u, uint.MaxValue, uint.MaxValue, true)]
    public void The_ring_range_holds_the_hashes_Orleans_expects(uint begin, uint end, uint hash, bool inside) =>
        Assert.Equal(inside, ReminderDocuments.InRange(begin, end, hash));

    [Fact]
    public void Hashes_above_int_MaxValue_are_stored_and_compared_as_unsigned()
    {
        var render = ReminderDocuments.ByRange("shop", int.MaxValue, uint.MaxValue).Render();
        Assert.Equal((long)uint.MaxValue, render["grainHash"]["$lte"].AsInt64);
        Assert.Equal((long)int.MaxValue, render["grainHash"]["$gt"].AsInt64);
    }
}
