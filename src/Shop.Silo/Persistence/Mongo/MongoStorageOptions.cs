using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Shop.Silo.Persistence.Mongo;

/// <summary>
/// MONGO_MAX_STATE_BYTES: the largest grain state the MongoDB storage writes (default 15 MiB). MongoDB
/// refuses documents over 16 MiB with a raw driver error; a state near that means a grain grows
/// without bound, which ops should hear about (a clear error and shop_mongodb_state_too_large_total)
/// before the server refuses it.
/// </summary>
public sealed class MongoStorageOptions
{
    /// <summary>MongoDB's document limit, less room for the document's own fields (id, etag, dates).</summary>
    public const int MaxAllowed = (16 * 1024 * 1024) - (64 * 1024);

    [ConfigurationKeyName("MONGO_MAX_STATE_BYTES")]
    [Range(1, MaxAllowed, ErrorMessage = "MONGO_MAX_STATE_BYTES must be between 1 and 16711680 (MongoDB's 16 MiB document limit, less room for the document's fields).")]
    public int MaxStateBytes { get; set; } = 15 * 1024 * 1024;
}

/// <summary>A grain state larger than MONGO_MAX_STATE_BYTES: not written, the stored one is unchanged.</summary>
public sealed class MongoStateTooLargeException(string message) : Exception(message);
