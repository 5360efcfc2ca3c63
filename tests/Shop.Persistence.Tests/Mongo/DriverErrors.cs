using System.Net;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// The driver's exceptions as a server error produces them. The constructors of <c>WriteError</c> and
/// <c>BulkWriteError</c> are internal, so they are called through reflection: if a driver update
/// changes them, these helpers fail loudly. The exceptions themselves are built with their public
/// constructors, <see cref="MongoCommandException"/> from a command result document as the server sends it.
/// </summary>
internal static class DriverErrors
{
    public static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

    /// <summary>What an insert/update/replace throws; <paramref name="details"/> is the write error's errInfo.</summary>
    public static MongoWriteException WriteException(int code, string message, BsonDocument? details = null) =>
        new(Connection, WriteError(code, message, details), null, null);

    /// <summary>What a BulkWrite throws, one write error per (code, message, details).</summary>
    public static MongoBulkWriteException<BsonDocument> BulkWriteException(params (int Code, string Message, BsonDocument? Details)[] errors)
    {
        var writeErrors = errors.Select((e, index) => (BulkWriteError)Activator.CreateInstance(
            typeof(BulkWriteError), BindingFlags.Instance | BindingFlags.NonPublic, null,
            [index, Category(e.Code), e.Code, e.Message, e.Details], null)!);
        return new MongoBulkWriteException<BsonDocument>(Connection, null, writeErrors, null, []);
    }

    /// <summary>
    /// What a command (findAndModify) throws: the result is <c>{ok: 0, errmsg, code, codeName}</c> plus
    /// the server's extra fields (<c>keyPattern</c>, <c>keyValue</c>) at its top level.
    /// </summary>
    public static MongoCommandException CommandException(int code, string message, BsonDocument? extra = null)
    {
        var result = new BsonDocument { { "ok", 0 }, { "errmsg", message }, { "code", code } };
        if (IsDuplicateKeyCode(code))
        {
            result.Add("codeName", "DuplicateKey");
        }

        result.Merge(extra ?? [], overwriteExistingElements: true);
        return new MongoCommandException(Connection, message, new BsonDocument("findAndModify", "x"), result);
    }

    /// <summary>The server's structured duplicate-key fields for a unique index on <paramref name="keyValue"/>'s fields.</summary>
    public static BsonDocument KeyFields(BsonDocument keyValue) => new()
    {
        { "keyPattern", new BsonDocument(keyValue.Names.Select(n => new BsonElement(n, 1))) },
        { "keyValue", keyValue },
    };

    private static WriteError WriteError(int code, string message, BsonDocument? details) =>
        (WriteError)Activator.CreateInstance(
            typeof(WriteError), BindingFlags.Instance | BindingFlags.NonPublic, null,
            [Category(code), code, message, details], null)!;

    // The driver derives the category from the code the same way.
    private static ServerErrorCategory Category(int code) =>
        IsDuplicateKeyCode(code) ? ServerErrorCategory.DuplicateKey : ServerErrorCategory.Uncategorized;

    private static bool IsDuplicateKeyCode(int code) => code is 11000 or 11001 or 12582;
}
