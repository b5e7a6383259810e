namespace SupportFunctions.Domain.Sla;

/// <summary>One entry of the pause ledger: clocks stood still from <see cref="From"/> to <see cref="To"/> (open while null).</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To, string Reason);
