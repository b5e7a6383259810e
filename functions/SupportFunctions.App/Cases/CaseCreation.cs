namespace SupportFunctions.App.Cases;

/// <summary>The outcome of a create-case request, mapped to HTTP by the endpoint.</summary>
public abstract record CaseCreation
{
    public sealed record Created(CaseView Case) : CaseCreation;

    public sealed record Replayed(CaseView Case) : CaseCreation;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : CaseCreation;

    public sealed record Refused(string Reason) : CaseCreation;

    public sealed record KeyReused(string CaseNumber) : CaseCreation;
}
