namespace SupportFunctions.App.Cases;

/// <summary>The outcome of a create-case request, mapped to HTTP by the endpoint.</summary>
public abstract record CaseCreation
{
    public sealed record Created(CaseView Case) : CaseCreation;

    public sealed record Replayed(CaseView Case) : CaseCreation;

    /// <summary>Every broken rule; <paramref name="Language"/>: the requester's, when the policy check wrote them.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors, string? Language = null) : CaseCreation;

    public sealed record Refused(string Reason) : CaseCreation;

    public sealed record KeyReused(string CaseNumber) : CaseCreation;
}
