namespace SupportFunctions.Benchmarks;

/// <summary>When a bench orchestration armed its timer and when it handled it (orchestration time).</summary>
public sealed record TimerTimes(DateTime Armed, DateTime Fired);
