namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>Real time moved forward by <see cref="Offset"/>: "a month later" for retention without waiting a month; timers and delays still run in real time.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
