using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// Reading the driver's errors. A conditional upsert that loses to another writer fails with a
/// duplicate key on <c>_id</c>; a duplicate on any other index is a different problem and must not
/// be mistaken for a concurrency conflict.
/// </summary>
public static partial class MongoErrors
{
    /// <summary>DuplicateKey (11000) and the codes older servers used for it.</summary>
    public static bool IsDuplicateKeyCode(int code) => code is 11000 or 11001 or 12582;

    /// <summary>
    /// The index named in a duplicate-key message: "E11000 duplicate key error collection: shop.state_cart
    /// index: _id_ dup key: { _id: "cart/1" }" gives "_id_"; the old "index: shop.state_cart.$_id_ dup key" too.
    /// </summary>
    public static string? DuplicateKeyIndex(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var match = IndexInMessage().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var dollar = name.LastIndexOf('$');
        return dollar >= 0 ? name[(dollar + 1)..] : name;
    }

    /// <summary>
    /// A duplicate key on <c>_id</c>: by the key pattern when the server sent one ({_id: 1}), else by
    /// the index name in the message (<c>_id_</c>, the name MongoDB always gives that index).
    /// </summary>
    public static bool IsDuplicateOnId(int code, string? message, BsonDocument? keyPattern)
    {
        if (!IsDuplicateKeyCode(code))
        {
            return false;
        }

        if (keyPattern is { ElementCount: > 0 })
        {
            return keyPattern.ElementCount == 1 && keyPattern.GetElement(0).Name == "_id";
        }

        return DuplicateKeyIndex(message) == "_id_";
    }

    /// <summary>The driver's exception is a duplicate key on <c>_id</c> (see <see cref="IsDuplicateOnId(int, string?, BsonDocument?)"/>).</summary>
    public static bool IsDuplicateOnId(Exception exception) => exception switch
    {
        MongoWriteException { WriteError: { } error } => IsDuplicateOnId(error.Code, error.Message, KeyPattern(error.Details)),
        MongoBulkWriteException { WriteErrors: [var error] } => IsDuplicateOnId(error.Code, error.Message, KeyPattern(error.Details)),
        MongoCommandException command => IsDuplicateOnId(command.Code, command.ErrorMessage, KeyPattern(command.Result)),
        _ => false,
    };

    /// <summary>Any duplicate key, on whichever index.</summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        MongoWriteException { WriteError: { } error } => IsDuplicateKeyCode(error.Code),
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(e => IsDuplicateKeyCode(e.Code)),
        MongoCommandException command => IsDuplicateKeyCode(command.Code),
        _ => false,
    };

    /// <summary>NamespaceExists (48): createCollection on a collection that is already there.</summary>
    public static bool IsNamespaceExists(Exception exception) => exception is MongoCommandException { Code: 48 };

    private static BsonDocument? KeyPattern(BsonDocument? details) =>
        details is not null && details.TryGetValue("keyPattern", out var pattern) && pattern is BsonDocument document ? document : null;

    [GeneratedRegex(@"index:\s+(?<name>\S+)\s+dup key", RegexOptions.CultureInvariant)]
    private static partial Regex IndexInMessage();
}
