namespace SupportFunctions.App.Queues;

/// <summary><c>SupportFunctions:Queues</c>: how the standalone poller reads queues.</summary>
public sealed class QueueOptions
{
    public const string Section = "SupportFunctions:Queues";

    /// <summary>Wait after the first empty poll; it doubles while the queue stays empty (timers excepted).</summary>
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>The longest wait between polls of an idle queue, as host.json's <c>maxPollingInterval</c>.</summary>
    public int MaxPollIntervalMilliseconds { get; set; } = 2000;

    /// <summary>
    /// How long a received message stays hidden while it is handled: the messages a killed process held are seen again
    /// this much later. Handling is seconds at most (a mail send is bounded at 20 s).
    /// </summary>
    public int VisibilityTimeoutSeconds { get; set; } = 30;

    public int BatchSize { get; set; } = 16;
}
