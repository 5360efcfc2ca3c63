namespace Shop.Silo.Migrations;

/// <summary>What the migrate / rollback / migration-status commands need of a database's migrator.</summary>
public interface ISchemaMigrator
{
    /// <summary>Every step this build knows, oldest first.</summary>
    IEnumerable<(int Version, string Name)> Steps { get; }

    /// <summary>Applies the missing steps; returns how many.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Undoes the newest applied step; returns its version, or 0 when none was applied.</summary>
    Task<int> RollbackAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default);
}
