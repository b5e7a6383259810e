namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// One purge run: who started it, and — once it has ended — its report: pages, counts per data class purged and held.
/// The run's progress while it works lives in its orchestration (history and custom status), not here. Free of
/// personal data: the ids touched are in the run's proof blobs.
/// </summary>
public sealed record PurgeRun
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public required string Id { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>"schedule" or the administrator's actor id.</summary>
    public required string Trigger { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string State { get; init; } = Running;

    /// <summary>Why a failed run stopped.</summary>
    public string? Error { get; init; }

    /// <summary>Index of the phase reached (a table, a container, the closed cases); the number of phases once completed.</summary>
    public int Phase { get; init; }

    public int Pages { get; init; }

    /// <summary>Items purged (or, in a dry run, that would be) per data class.</summary>
    public IReadOnlyDictionary<string, long> Purged { get; init; } = new Dictionary<string, long>();

    /// <summary>Expired items kept because a legal hold covers them, per data class.</summary>
    public IReadOnlyDictionary<string, long> Held { get; init; } = new Dictionary<string, long>();

    public string? ETag { get; init; }
}
