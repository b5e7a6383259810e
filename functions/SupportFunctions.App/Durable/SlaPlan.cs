namespace SupportFunctions.App.Durable;

/// <summary>
/// When the case's SLA next needs a look (the next warning or breach of a running clock; null: no running clock), and
/// how many thresholds the step that produced it recorded.
/// </summary>
public sealed record SlaPlan(DateTimeOffset? NextCheckAt, int Applied = 0);
