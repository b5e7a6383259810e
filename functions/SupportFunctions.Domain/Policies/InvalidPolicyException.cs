namespace SupportFunctions.Domain.Policies;

/// <summary>The policy document is unusable; <see cref="Problems"/> lists every problem found, each with its JSON path.</summary>
public sealed class InvalidPolicyException : Exception
{
    public InvalidPolicyException()
        : this("The policy document is invalid.", [])
    {
    }

    public InvalidPolicyException(string message)
        : this(message, [])
    {
    }

    public InvalidPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public InvalidPolicyException(string source, IReadOnlyList<PolicyProblem> problems)
        : base($"Policy document {source} is invalid ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<PolicyProblem> Problems { get; }
}
