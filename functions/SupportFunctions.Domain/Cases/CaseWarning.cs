namespace SupportFunctions.Domain.Cases;

/// <summary>Something the requester should know about an accepted case (logs likely gone, severity lowered).</summary>
public sealed record CaseWarning(string Code, string Message);
