namespace SupportFunctions.Domain.Policies;

/// <summary>One thing wrong with a policy document: where (a JSON path like <c>$.categories[2].team</c>) and which rule.</summary>
public sealed record PolicyProblem(string Path, string Rule)
{
    public override string ToString() => $"{Path}: {Rule}";
}
