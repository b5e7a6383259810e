namespace SupportFunctions.App.Admin;

/// <summary>Create a support agent in one or more of the policy's teams.</summary>
public sealed record AgentRequest(string? Id, string Name, string Email, IReadOnlyList<string>? Teams);
