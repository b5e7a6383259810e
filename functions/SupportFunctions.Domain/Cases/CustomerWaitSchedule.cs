namespace SupportFunctions.Domain.Cases;

/// <summary>One customer-change wait: when it began, when it reminds the customer (null: never), and when it closes the case.</summary>
public sealed record CustomerWaitSchedule(DateTimeOffset Since, DateTimeOffset? RemindAt, DateTimeOffset ClosesAt);
