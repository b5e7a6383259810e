namespace SupportFunctions.Benchmarks;

public sealed record Measurement(double OperationsPerSecond, double P50Milliseconds, double P99Milliseconds);
