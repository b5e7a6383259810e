namespace SupportFunctions.App.Retention;

/// <summary>One place a purge run sweeps (a table, a container, the closed cases): read a page of expired items, then purge them.</summary>
public interface IPurgeSource
{
    string Name { get; }

    Task<PurgePage> ReadAsync(string? continuation, PurgeContext context, CancellationToken cancellationToken);

    /// <summary>Purges the targets; idempotent (an item already gone is success), because a resumed run executes its pending page again.</summary>
    Task ExecuteAsync(IReadOnlyList<PurgeTarget> targets, PurgeContext context, CancellationToken cancellationToken);
}
