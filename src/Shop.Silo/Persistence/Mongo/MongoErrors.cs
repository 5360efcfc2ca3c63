using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// Reading the driver's errors. A conditional upsert that loses to another writer fails with a
/// duplicate key on <c>_id</c>; a duplicate on any other index is a different problem and must not
/// be mistaken for a concurrency conflict.
/// </summary>
/// <remarks>
/// A duplicate key is known by its code (or the driver's <see cref="ServerErrorCategory.DuplicateKey"/>);
/// the index by the server's structured fields <c>keyPattern</c> / <c>keyValue</c>, which a command
/// error (findAndModify) carries in its result. The driver keeps only <c>errInfo</c> of a write error
/// as <see cref="WriteError.Details"/> and the server sends those fields beside it, so for
/// insert/update/replace the index name in the message is usually all there is: it stays the fallback.
/// </remarks>
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
    /// The fields of the index a duplicate key is on, from a document holding the server's structured
    /// fields: <c>keyPattern</c> ({_id: 1}), else the names in <c>keyValue</c> ({_id: "cart/1"}); null
    /// when it has neither.
    /// </summary>
    public static IReadOnlyList<string>? DuplicateKeyFields(BsonDocument? fields)
    {
        foreach (var name in KeyFieldNames)
        {
            if (fields is not null && fields.TryGetValue(name, out var value) && value is BsonDocument { ElementCount: > 0 } key)
            {
                return [.. key.Names];
            }
        }

        return null;
    }

    /// <summary>
    /// A duplicate key on <c>_id</c>: by the structured fields when the error has them (see
    /// <see cref="DuplicateKeyFields"/>), else by the index name in the message (<c>_id_</c>, the name
    /// MongoDB always gives that index).
    /// </summary>
    public static bool IsDuplicateOnId(bool duplicateKey, string? message, BsonDocument? fields)
    {
        if (!duplicateKey)
        {
            return false;
        }

        return DuplicateKeyFields(fields) is { } key
            ? key is ["_id"]
            : DuplicateKeyIndex(message) == "_id_";
    }

    /// <summary>The driver's exception is a duplicate key on <c>_id</c> (see <see cref="IsDuplicateOnId(bool, string?, BsonDocument?)"/>).</summary>
    public static bool IsDuplicateOnId(Exception exception) => exception switch
    {
        MongoWriteException { WriteError: { } error } => IsDuplicateOnId(IsDuplicateKey(error), error.Message, error.Details),
        MongoBulkWriteException { WriteErrors: [var error] } => IsDuplicateOnId(IsDuplicateKey(error), error.Message, error.Details),
        MongoCommandException command => IsDuplicateOnId(IsDuplicateKey(command), command.ErrorMessage, command.Result),
        _ => false,
    };

    /// <summary>Any duplicate key, on whichever index.</summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        MongoWriteException { WriteError: { } error } => IsDuplicateKey(error),
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(IsDuplicateKey),
        MongoCommandException command => IsDuplicateKey(command),
        _ => false,
    };

    /// <summary>NamespaceExists (48): createCollection on a collection that is already there.</summary>
    public static bool IsNamespaceExists(Exception exception) => exception is MongoCommandException { Code: 48 };

    private static readonly string[] KeyFieldNames = ["keyPattern", "keyValue"];

    private static bool IsDuplicateKey(WriteError error) =>
        error.Category == ServerErrorCategory.DuplicateKey || IsDuplicateKeyCode(error.Code);

    private static bool IsDuplicateKey(MongoCommandException command) =>
        IsDuplicateKeyCode(command.Code) || command.CodeName == "DuplicateKey";

    [GeneratedRegex(@"index:\s+(?<name>\S+)\s+dup key", RegexOptions.CultureInvariant)]
    private static partial Regex IndexInMessage();
}
