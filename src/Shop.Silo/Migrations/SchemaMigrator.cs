namespace Shop.Silo.Migrations;

/// <summary>A versioned step of a database's schema, as the migrate / rollback flow sees it.</summary>
public interface IMigrationStep
{
    int Version { get; }

    string Name { get; }
}

/// <summary>
/// The migrate / rollback flow every database shares: which steps are missing or newest, and what
/// is printed about them. A database's migrator holds its lock (the session) and runs one step.
/// </summary>
public abstract class SchemaMigrator<TStep, TSession>(TextWriter output) : ISchemaMigrator
    where TStep : IMigrationStep
    where TSession : IAsyncDisposable
{
    /// <summary>Every step this build knows, oldest first.</summary>
    protected abstract IReadOnlyList<TStep> Known { get; }

    public IEnumerable<(int Version, string Name)> Steps => Known.Select(m => (m.Version, m.Name));

    /// <summary>Where a step may report its progress (between "Applying ..." and "done").</summary>
    protected TextWriter Output => output;

    /// <summary>Opens a session holding the migrations lock, so that two runners never interleave.</summary>
    protected abstract Task<TSession> LockAsync(CancellationToken cancellationToken);

    protected abstract Task<IReadOnlyCollection<int>> AppliedAsync(TSession session, CancellationToken cancellationToken);

    /// <summary>Runs the step's up and records it as applied.</summary>
    protected abstract Task ApplyAsync(TSession session, TStep step, CancellationToken cancellationToken);

    /// <summary>Runs the step's down and removes its record.</summary>
    protected abstract Task UndoAsync(TSession session, TStep step, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default);

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockAsync(cancellationToken);
        var applied = await AppliedAsync(session, cancellationToken);
        var pending = Known.Where(m => !applied.Contains(m.Version)).ToList();
        if (pending.Count == 0)
        {
            output.WriteLine($"Database is up to date (version {applied.DefaultIfEmpty(0).Max():D4}); nothing to apply.");
            return 0;
        }

        foreach (var step in pending)
        {
            output.Write($"Applying {step.Version:D4} {step.Name} ... ");
            await ApplyAsync(session, step, cancellationToken);
            output.WriteLine("done");
        }

        output.WriteLine($"Applied {pending.Count} step(s); database is at version {pending[^1].Version:D4}.");
        return pending.Count;
    }

    public async Task<int> RollbackAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await LockAsync(cancellationToken);
        var applied = await AppliedAsync(session, cancellationToken);
        if (applied.Count == 0)
        {
            output.WriteLine("No migration is applied; nothing to roll back.");
            return 0;
        }

        var newest = applied.Max();
        var step = Known.SingleOrDefault(m => m.Version == newest)
            ?? throw new InvalidOperationException($"The database is at version {newest:D4}, which this build does not know; roll back with the build that applied it.");
        output.Write($"Rolling back {step.Version:D4} {step.Name} ... ");
        await UndoAsync(session, step, cancellationToken);
        output.WriteLine("done");
        output.WriteLine($"Database is at version {applied.Where(v => v < newest).DefaultIfEmpty(0).Max():D4}.");
        return newest;
    }
}
