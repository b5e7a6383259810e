namespace SupportFunctions.App.Timers;

/// <summary>A timer as it travels on the timers queue: which subject, which kind, which token, and when it is due.</summary>
public sealed record TimerMessage(string Subject, string Kind, string Token, DateTimeOffset DueAt);
