namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// One purge run and its checkpoint: which phase and page it has reached, the page it planned but has not yet
/// confirmed (re-executed on resume, so a crash neither skips nor double-counts a page), and counts per data class.
/// Free of personal data: the ids touched are in the run's proof blobs.
/// </summary>
public sealed record PurgeRun
{
    public const string Running = "running";
    public const string Completed = "completed";

    public required string Id { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>"schedule" or the administrator's actor id.</summary>
    public required string Trigger { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string State { get; init; } = Running;

    /// <summary>Index of the phase in progress (a table, a container, the closed cases).</summary>
    public int Phase { get; init; }

    /// <summary>Where the phase's next page starts; null at its beginning.</summary>
    public string? Continuation { get; init; }

    /// <summary>A page was planned (its plan blob holds the keys) and must be executed before moving on.</summary>
    public bool PagePending { get; init; }

    /// <summary>The continuation to move to once the pending page is done; null: the phase ends with it.</summary>
    public string? PendingContinuation { get; init; }

    public int Pages { get; init; }

    /// <summary>Items purged (or, in a dry run, that would be) per data class.</summary>
    public IReadOnlyDictionary<string, long> Purged { get; init; } = new Dictionary<string, long>();

    /// <summary>Expired items kept because a legal hold covers them, per data class.</summary>
    public IReadOnlyDictionary<string, long> Held { get; init; } = new Dictionary<string, long>();

    /// <summary>Until when the worker processing the run owns it; another worker takes over after that.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    public string? ETag { get; init; }
}
