using System.Text;
using Orleans.Runtime;
using Orleans.Storage;

namespace Shop.Silo.Persistence.Postgres;

/// <summary>
/// The columns that name one grain state's row in `OrleansStorage`, computed exactly as Orleans' ADO.NET
/// storage (10.4.2) computes them, so rows written here are the rows it reads, and the other way round
/// (GroupCommitTests write one grain through both in turn, for every kind of key).
/// </summary>
internal readonly record struct OrleansStorageKey(
    int GrainIdHash, long N0, long N1, int GrainTypeHash, string GrainType, string? Extension)
{
    /// <summary>False for state names holding a generic type, which Orleans normalises its own way.</summary>
    public static bool CanName(string stateName) => !stateName.Contains('`');

    public static OrleansStorageKey From(GrainId grainId, string stateName, IHasher hasher)
    {
        long n0 = 0, n1 = 0;
        string? extension;
        byte[]? keyBytes;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            keyBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(keyBytes, 0);
            n1 = BitConverter.ToInt64(keyBytes, 8);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            keyBytes = BitConverter.GetBytes(integer);
        }
        else
        {
            extension = grainId.Key.ToString();
            keyBytes = null;
        }

        // Key bytes then the extension's UTF-8, reversed on little-endian machines: Orleans' hash input.
        var hashInput = keyBytes is null
            ? Encoding.UTF8.GetBytes(extension!)
            : extension is null ? keyBytes : [.. keyBytes, .. Encoding.UTF8.GetBytes(extension)];
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(hashInput);
        }

        return new OrleansStorageKey(
            hasher.Hash(hashInput), n0, n1, hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName, extension);
    }
}
