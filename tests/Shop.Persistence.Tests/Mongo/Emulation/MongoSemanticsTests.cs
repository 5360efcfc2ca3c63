using MongoDB.Bson;

namespace Shop.Persistence.Tests.Mongo.Emulation;

/// <summary>
/// The in-memory model keeps to MongoDB's documented rules on the points the providers depend on;
/// if one of these is wrong, the emulated contract tests prove nothing.
/// </summary>
public sealed class MongoSemanticsTests
{
    [Fact]
    public void Null_equality_matches_a_null_or_missing_field_only()
    {
        var filter = BsonDocument.Parse("{ etag: null }");
        Assert.True(MongoSemantics.Matches(BsonDocument.Parse("{ _id: 1 }"), filter, out _));
        Assert.True(MongoSemantics.Matches(BsonDocument.Parse("{ _id: 1, etag: null }"), filter, out _));
        Assert.False(MongoSemantics.Matches(BsonDocument.Parse("{ _id: 1, etag: 'e1' }"), filter, out _));
    }

    [Fact]
    public void A_path_into_an_array_matches_any_element_and_ne_needs_all_to_differ()
    {
        var table = BsonDocument.Parse("{ members: [ { silo: 'a', etag: 'x' }, { silo: 'b', etag: 'y' } ] }");
        Assert.True(MongoSemantics.Matches(table, BsonDocument.Parse("{ 'members.silo': 'b' }"), out var position));
        Assert.Equal(1, position);
        Assert.False(MongoSemantics.Matches(table, BsonDocument.Parse("{ 'members.silo': { $ne: 'a' } }"), out _));
        Assert.True(MongoSemantics.Matches(table, BsonDocument.Parse("{ 'members.silo': { $ne: 'c' } }"), out _));
        Assert.False(MongoSemantics.Matches(table, BsonDocument.Parse("{ members: { $elemMatch: { silo: 'a', etag: 'y' } } }"), out _));
        Assert.True(MongoSemantics.Matches(table, BsonDocument.Parse("{ members: { $elemMatch: { silo: 'b', etag: 'y' } } }"), out position));
        Assert.Equal(1, position);
    }

    [Fact]
    public void An_embedded_document_matches_only_whole_and_in_field_order()
    {
        var document = BsonDocument.Parse("{ _id: { s: 'x', g: 'y' } }");
        Assert.True(MongoSemantics.Matches(document, BsonDocument.Parse("{ _id: { s: 'x', g: 'y' } }"), out _));
        Assert.False(MongoSemantics.Matches(document, BsonDocument.Parse("{ _id: { g: 'y', s: 'x' } }"), out _));
        Assert.True(MongoSemantics.Matches(document, BsonDocument.Parse("{ '_id.g': 'y' }"), out _));
    }

    [Fact]
    public void Numbers_compare_across_int_and_long_and_other_types_do_not_compare()
    {
        var document = new BsonDocument { { "h", 3_000_000_000L }, { "v", 4 } };
        Assert.True(MongoSemantics.Matches(document, new BsonDocument("h", new BsonDocument("$gt", 5)), out _));
        Assert.True(MongoSemantics.Matches(document, new BsonDocument("v", 4L), out _));
        Assert.False(MongoSemantics.Matches(document, new BsonDocument("v", new BsonDocument("$gt", "3")), out _));
    }

    [Fact]
    public void An_upsert_starts_from_the_filters_equality_fields_and_setOnInsert_applies_only_then()
    {
        var seed = MongoSemantics.Seed(BsonDocument.Parse("{ $and: [ { _id: 'cart/1' }, { etag: null } ], version: { $gt: 1 } }"));
        Assert.Equal(BsonDocument.Parse("{ _id: 'cart/1', etag: null }"), seed);

        MongoSemantics.ApplyUpdate(seed, BsonDocument.Parse("{ $set: { etag: 'e1' }, $setOnInsert: { v: 0 } }"), null, isInsert: true);
        Assert.Equal(BsonDocument.Parse("{ _id: 'cart/1', etag: 'e1', v: 0 }"), seed);
        MongoSemantics.ApplyUpdate(seed, BsonDocument.Parse("{ $setOnInsert: { v: 9 } }"), null, isInsert: false);
        Assert.Equal(0, seed["v"].AsInt32);
    }

    [Fact]
    public void The_positional_operator_updates_the_element_the_query_matched_and_pull_removes_by_condition()
    {
        var table = BsonDocument.Parse("{ members: [ { silo: 'a', s: 'Dead', t: 1 }, { silo: 'b', s: 'Active', t: 1 } ] }");
        Assert.True(MongoSemantics.Matches(table, BsonDocument.Parse("{ 'members.silo': 'b' }"), out var position));
        MongoSemantics.ApplyUpdate(table, BsonDocument.Parse("{ $set: { 'members.$.t': 2 } }"), position, isInsert: false);
        Assert.Equal(2, table["members"][1]["t"].AsInt32);
        Assert.Throws<InvalidOperationException>(() => MongoSemantics.ApplyUpdate(table, BsonDocument.Parse("{ $set: { 'members.$.t': 3 } }"), null, false));

        MongoSemantics.ApplyUpdate(table, BsonDocument.Parse("{ $pull: { members: { s: 'Dead', t: { $lt: 5 } } } }"), null, isInsert: false);
        Assert.Equal("b", Assert.Single(table["members"].AsBsonArray)["silo"].AsString);
    }

    [Fact]
    public void Operators_the_model_does_not_know_are_refused_rather_than_ignored()
    {
        Assert.Throws<NotSupportedException>(() => MongoSemantics.Matches(new BsonDocument(), BsonDocument.Parse("{ a: { $mod: [2, 0] } }"), out _));
        Assert.Throws<NotSupportedException>(() => MongoSemantics.ApplyUpdate(new BsonDocument(), BsonDocument.Parse("{ $inc: { a: 1 } }"), null, false));
    }
}
