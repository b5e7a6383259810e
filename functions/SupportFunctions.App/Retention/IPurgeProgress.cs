namespace SupportFunctions.App.Retention;

/// <summary>Told as a run plans and finishes pages — where tests interrupt a run to prove it resumes.</summary>
public interface IPurgeProgress
{
    Task PagePlannedAsync(string runId, string source, int page, IReadOnlyList<PurgeTarget> targets, CancellationToken cancellationToken);
}
