using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Shop.Silo.Persistence.Postgres;

/// <summary>One grain state to store: its row, the version it was read at (null: never stored), its payload.</summary>
internal sealed record StateWrite(OrleansStorageKey Key, string ServiceId, int? ExpectedVersion, byte[] Payload);

/// <summary>
/// Writes grain states through `WriteToStorage` with group commit: the writes that queue up while a
/// commit is on its way go together in the next one, one round trip and one WAL flush for the lot.
/// Each write is still acknowledged only once its transaction has committed, so a cart is written
/// through on every change as before; under load, many carts share the cost of one commit. Alone, a write
/// goes at once. A write that conflicts (stale version) is reported to its own caller and does not undo
/// the others: `WriteToStorage` answers a conflict with a value, not an error.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    // A few commits in flight at once keep the database busy while one waits for its flush; more would
    // only take more of the pool (Maximum Pool Size) that the process's other queries share.
    public const int DefaultFlushers = 4;
    private const int MaxBatch = 128;
    private const string WriteSql = "SELECT WriteToStorage($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    private static readonly Meter Meter = new(Grains.Common.ShopMetrics.MeterName);
    private static readonly Histogram<int> BatchSizes = Meter.CreateHistogram<int>(
        "shop.storage.write_batch", "{write}", "Grain state writes committed together in one PostgreSQL transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });

    private readonly string _connectionString;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly Task[] _flushers;

    public GroupCommitWriter(string connectionString, int flushers = DefaultFlushers)
    {
        _connectionString = connectionString;
        _flushers = Enumerable.Range(0, flushers).Select(_ => Task.Run(FlushLoop)).ToArray();
    }

    /// <summary>The row's new version once committed, or null / the expected version on a conflict.</summary>
    public Task<int?> Write(StateWrite write)
    {
        var pending = new PendingWrite(write);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The silo is stopping; grain state can no longer be written.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_flushers);
    }

    private async Task FlushLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await Commit(batch);
            }
        }
    }

    private async Task Commit(List<PendingWrite> batch)
    {
        // The same lock order in every transaction (row locks, and the advisory locks of first writes), so
        // two batches never wait for each other in a circle.
        batch.Sort(LockOrder);
        var commands = batch.Select(w => WriteCommand(w.Write)).ToList();
        var reached = new StrongBox<int>(-1);
        try
        {
            var versions = await Store(commands, reached);
            BatchSizes.Record(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(versions[i]);
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            foreach (var write in batch.ToList())
            {
                await Commit([write]);
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && reached.Value >= 0 && reached.Value < batch.Count)
        {
            // The server refused the statement of one write (a value it cannot store): nothing of the
            // transaction was kept, so that write fails alone and the others go again together.
            batch[reached.Value].Done.TrySetException(e);
            batch.RemoveAt(reached.Value);
            await Commit(batch);
        }
        catch (Exception e)
        {
            // Unreachable or refusing database, or a commit whose outcome is unknown: every write of the batch says so.
            foreach (var write in batch)
            {
                write.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Runs the writes in one transaction. <paramref name="reached"/> names the statement whose answer is
    /// being read: -1 before any (connecting), the count of statements once all are answered (committing).
    /// </summary>
    private async Task<int?[]> Store(List<NpgsqlBatchCommand> commands, StrongBox<int> reached)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var transaction = commands.Count > 1 ? await connection.BeginTransactionAsync() : null;
        await using var batch = new NpgsqlBatch(connection, transaction);
        commands.ForEach(batch.BatchCommands.Add);

        var versions = new int?[commands.Count];
        reached.Value = 0;   // from here on an error answers a statement (until the commit)
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < versions.Length; i++)
            {
                await reader.ReadAsync();
                versions[i] = reader.IsDBNull(0) ? null : reader.GetInt32(0);
                reached.Value = i + 1;   // moving on reads the next statement's answer, or its error
                await reader.NextResultAsync();
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return versions;
    }

    private static int LockOrder(PendingWrite a, PendingWrite b)
    {
        var (x, y) = (a.Write.Key, b.Write.Key);
        var order = x.GrainIdHash.CompareTo(y.GrainIdHash);
        order = order != 0 ? order : x.GrainTypeHash.CompareTo(y.GrainTypeHash);
        order = order != 0 ? order : x.N0.CompareTo(y.N0);
        order = order != 0 ? order : x.N1.CompareTo(y.N1);
        order = order != 0 ? order : string.CompareOrdinal(x.GrainType, y.GrainType);
        return order != 0 ? order : string.CompareOrdinal(x.Extension, y.Extension);
    }

    private static NpgsqlBatchCommand WriteCommand(StateWrite write) => new(WriteSql)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = write.Key.GrainIdHash },
            new NpgsqlParameter<long> { TypedValue = write.Key.N0 },
            new NpgsqlParameter<long> { TypedValue = write.Key.N1 },
            new NpgsqlParameter<int> { TypedValue = write.Key.GrainTypeHash },
            new NpgsqlParameter { Value = write.Key.GrainType, NpgsqlDbType = NpgsqlDbType.Varchar },
            new NpgsqlParameter { Value = (object?)write.Key.Extension ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
            new NpgsqlParameter { Value = write.ServiceId, NpgsqlDbType = NpgsqlDbType.Varchar },
            new NpgsqlParameter { Value = (object?)write.ExpectedVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
            new NpgsqlParameter { Value = write.Payload, NpgsqlDbType = NpgsqlDbType.Bytea },
        },
    };

    private sealed class PendingWrite(StateWrite write)
    {
        public StateWrite Write { get; } = write;

        // Completed on a flusher: the grain's continuation must not run on it and hold up the next batch.
        public TaskCompletionSource<int?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
