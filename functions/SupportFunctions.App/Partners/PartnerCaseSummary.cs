namespace SupportFunctions.App.Partners;

/// <summary>A case of a partner's customer account, as the partner's list shows it.</summary>
public sealed record PartnerCaseSummary(string Number, string Subject, string Status, int Severity, string Category, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
