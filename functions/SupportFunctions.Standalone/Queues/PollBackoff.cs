using SupportFunctions.App.Queues;

namespace SupportFunctions.Standalone.Queues;

/// <summary>
/// How long an idle poller waits before its next poll: from <see cref="Shortest"/>, doubling after each empty poll up
/// to <see cref="Longest"/>, and back to the shortest when messages came or a send woke it.
/// </summary>
public readonly record struct PollBackoff(TimeSpan Shortest, TimeSpan Longest)
{
    public TimeSpan Next(TimeSpan current, bool reset) => reset ? Shortest : current * 2 < Longest ? current * 2 : Longest;
}
