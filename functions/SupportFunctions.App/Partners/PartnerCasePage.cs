namespace SupportFunctions.App.Partners;

/// <summary>One page of an account's cases, newest first; pass <see cref="ContinuationToken"/> back for the next.</summary>
public sealed record PartnerCasePage(IReadOnlyList<PartnerCaseSummary> Items, string? ContinuationToken);
