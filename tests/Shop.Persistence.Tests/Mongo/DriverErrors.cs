using System.Net;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace Shop.Persistence.Tests.Mongo;

/// <summary>
/// The driver's exceptions as a server error produces them. <c>WriteError</c>'s constructor is
/// internal, so it is called through reflection: if a driver update changes it, these helpers fail
/// loudly, and the classification is still pinned by the tests over code and message.
/// </summary>
internal static class DriverErrors
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

    public static MongoWriteException WriteException(int code, string message)
    {
        var category = code == 11000 ? ServerErrorCategory.DuplicateKey : ServerErrorCategory.Uncategorized;
        var error = (WriteError)Activator.CreateInstance(
            typeof(WriteError), BindingFlags.Instance | BindingFlags.NonPublic, null, [category, code, message, null], null)!;
        return new MongoWriteException(Connection, error, null, null);
    }

    public static MongoCommandException CommandException(int code, string message, BsonDocument? keyPattern)
    {
        var result = new BsonDocument { { "ok", 0 }, { "errmsg", message }, { "code", code } };
        if (keyPattern is not null)
        {
            result.Add("keyPattern", keyPattern);
        }

        return new MongoCommandException(Connection, message, new BsonDocument("findAndModify", "x"), result);
    }
}
