namespace SupportFunctions.App.Retention;

/// <summary><c>SupportFunctions:Retention</c>: when purges run and how hard they push storage.</summary>
public sealed class RetentionOptions
{
    public const string Section = "SupportFunctions:Retention";

    /// <summary>NCRONTAB (six fields, UTC), the same expression the Functions timer trigger reads; empty: no standalone schedule.</summary>
    public string Schedule { get; set; } = "0 0 2 * * *";

    /// <summary>Days an ended orchestration's history (a purge run, a customer-change wait) is kept before the schedule purges it.</summary>
    public int OrchestrationHistoryDays { get; set; } = 30;

    /// <summary>Entities or blobs read per page (a table page holds at most 1,000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Entity deletes go as entity group transactions of up to 100 per partition; false deletes one by one (for comparison).</summary>
    public bool BatchDeletes { get; set; } = true;

    /// <summary>Concurrent blob deletes and concurrent transactions.</summary>
    public int Parallelism { get; set; } = 16;
}
