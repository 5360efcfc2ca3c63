using MongoDB.Bson;
using MongoDB.Driver;
using Shop.Silo.Persistence.Mongo;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// Server-free: a duplicate key on <c>_id</c> (a concurrent writer) is told from any other error by
/// its code and the server's structured fields, in each shape the driver throws; the index name in
/// the message decides only when there are no such fields.
/// </summary>
public sealed class MongoErrorsTests
{
    private const string OnId = "E11000 duplicate key error collection: shop.state_cart index: _id_ dup key: { _id: \"cart/1\" }";
    private const string OnOther = "E11000 duplicate key error collection: shop.state_cart index: ux_email dup key: { email: \"a@b\" }";
    private const string Legacy = "E11000 duplicate key error index: shop.state_cart.$_id_  dup key: { : \"cart/1\" }";

    private static readonly BsonDocument KeyOnId = DriverErrors.KeyFields(new BsonDocument("_id", "cart/1"));
    private static readonly BsonDocument KeyOnEmail = DriverErrors.KeyFields(new BsonDocument("email", "a@b"));
    private static readonly BsonDocument KeyOnIdAndETag = DriverErrors.KeyFields(new BsonDocument { { "_id", "cart/1" }, { "etag", "e1" } });

    [Fact]
    public void A_duplicate_key_is_known_by_its_code_or_category_whatever_the_message()
    {
        foreach (var code in new[] { 11000, 11001, 12582 })
        {
            Assert.True(MongoErrors.IsDuplicateKey(DriverErrors.WriteException(code, "no index named here")));
            Assert.True(MongoErrors.IsDuplicateKey(DriverErrors.CommandException(code, "no index named here")));
        }

        Assert.False(MongoErrors.IsDuplicateKey(DriverErrors.WriteException(121, OnId)));
        Assert.False(MongoErrors.IsDuplicateKey(DriverErrors.CommandException(50, OnId)));
        Assert.True(MongoErrors.IsDuplicateKey(DriverErrors.BulkWriteException((2, "BadValue", null), (11000, OnOther, null))));
        Assert.False(MongoErrors.IsDuplicateKey(new TimeoutException(OnId)));

        // The server's codeName alone is enough too.
        var byName = new MongoCommandException(DriverErrors.Connection, "dup", new BsonDocument("findAndModify", "x"),
            new BsonDocument { { "ok", 0 }, { "errmsg", OnOther }, { "codeName", "DuplicateKey" } });
        Assert.True(MongoErrors.IsDuplicateKey(byName));
    }

    [Fact]
    public void A_write_error_whose_details_carry_the_key_pattern_is_judged_by_it_not_by_the_message()
    {
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnOther, KeyOnId)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnId, KeyOnEmail)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnId, KeyOnIdAndETag)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(2, OnId, KeyOnId)));

        // keyValue names the index's fields when keyPattern is missing.
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, "E11000", new BsonDocument("keyValue", new BsonDocument("_id", 1)))));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnId, new BsonDocument("keyValue", new BsonDocument("email", "a@b")))));

        // Details without the key fields (another errInfo) leave it to the message.
        var errInfo = new BsonDocument("failingDocumentId", "cart/1");
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnId, errInfo)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnOther, errInfo)));
    }

    [Fact]
    public void A_bulk_write_with_one_duplicate_key_is_judged_like_a_single_write()
    {
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.BulkWriteException((11000, OnOther, KeyOnId))));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.BulkWriteException((11000, OnId, KeyOnEmail))));
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.BulkWriteException((11000, OnId, null))));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.BulkWriteException((11000, OnOther, null))));

        // More than one failed write is not one lost race.
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.BulkWriteException((11000, OnId, KeyOnId), (11000, OnId, KeyOnId))));
    }

    [Fact]
    public void A_command_error_is_judged_by_the_key_pattern_in_its_result()
    {
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(11000, OnOther, KeyOnId)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(11000, OnId, KeyOnEmail)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(11000, OnId, KeyOnIdAndETag)));
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(11000, OnId)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(11000, OnOther)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.CommandException(50, OnId, KeyOnId)));

        Assert.True(MongoErrors.IsNamespaceExists(DriverErrors.CommandException(48, "Collection already exists")));
        Assert.False(MongoErrors.IsNamespaceExists(DriverErrors.CommandException(11000, OnId)));
    }

    [Fact]
    public void Without_structured_fields_the_index_named_in_the_message_decides()
    {
        // What the driver hands over for a server's duplicate-key insert/update/replace: no details.
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnId)));
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, Legacy)));
        Assert.True(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11001, OnId)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, OnOther)));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(11000, "E11000 duplicate key error")));
        Assert.False(MongoErrors.IsDuplicateOnId(DriverErrors.WriteException(121, OnId)));
        Assert.False(MongoErrors.IsDuplicateOnId(new TimeoutException(OnId)));

        Assert.False(MongoErrors.IsDuplicateOnId(true, null, null));
        Assert.False(MongoErrors.IsDuplicateOnId(false, OnId, KeyOnId));

        Assert.Equal("_id_", MongoErrors.DuplicateKeyIndex(OnId));
        Assert.Equal("_id_", MongoErrors.DuplicateKeyIndex(Legacy));
        Assert.Equal("ux_email", MongoErrors.DuplicateKeyIndex(OnOther));
        Assert.Null(MongoErrors.DuplicateKeyIndex("something else"));
    }

    [Fact]
    public void The_key_fields_come_from_key_pattern_first_then_key_value()
    {
        Assert.Equal(["_id"], MongoErrors.DuplicateKeyFields(KeyOnId)!);
        Assert.Equal(["_id", "etag"], MongoErrors.DuplicateKeyFields(KeyOnIdAndETag)!);
        Assert.Equal(["email"], MongoErrors.DuplicateKeyFields(new BsonDocument { { "keyPattern", new BsonDocument("email", 1) }, { "keyValue", new BsonDocument("_id", 1) } })!);
        Assert.Equal(["_id"], MongoErrors.DuplicateKeyFields(new BsonDocument { { "keyPattern", new BsonDocument() }, { "keyValue", new BsonDocument("_id", 1) } })!);
        Assert.Null(MongoErrors.DuplicateKeyFields(new BsonDocument("keyPattern", "_id")));
        Assert.Null(MongoErrors.DuplicateKeyFields(null));
    }
}
