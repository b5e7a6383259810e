namespace SupportFunctions.App.Durable;

/// <summary>One customer-change wait of one case, as its orchestration runs it (the schedule comes from the Domain's CaseClosing).</summary>
public sealed record CustomerWait(string Number, DateTimeOffset Since, DateTimeOffset? RemindAt, DateTimeOffset ClosesAt);
