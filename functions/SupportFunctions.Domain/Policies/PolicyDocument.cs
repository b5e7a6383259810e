using System.Text.Json;

namespace SupportFunctions.Domain.Policies;

/// <summary>Reads a policy document's text into a <see cref="SupportPolicy"/>, or reports every problem with its JSON path.</summary>
public static class PolicyDocument
{
    /// <exception cref="InvalidPolicyException">The document is not JSON, does not have the model's shape, or breaks a rule.</exception>
    public static SupportPolicy Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidPolicyException(source, [new PolicyProblem($"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}", "is not valid JSON: " + ex.Message.Split(" Path:")[0])]);
        }

        using (document)
        {
            var problems = new List<PolicyProblem>();
            PolicyShapeCheck.Check(document.RootElement, typeof(SupportPolicy), "$", problems);
            if (problems.Count > 0)
            {
                throw new InvalidPolicyException(source, problems);
            }

            var policy = document.RootElement.Deserialize<SupportPolicy>(PolicyJson.Options)!;
            problems.AddRange(PolicyValidator.Validate(policy));
            return problems.Count > 0 ? throw new InvalidPolicyException(source, problems) : policy;
        }
    }
}
