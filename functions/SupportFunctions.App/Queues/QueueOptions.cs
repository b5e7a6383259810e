namespace SupportFunctions.App.Queues;

/// <summary><c>SupportFunctions:Queues</c>: how the standalone poller reads queues.</summary>
public sealed class QueueOptions
{
    public const string Section = "SupportFunctions:Queues";

    /// <summary>Wait between polls of an empty queue.</summary>
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>How long a received message stays hidden while it is handled.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 16;
}
