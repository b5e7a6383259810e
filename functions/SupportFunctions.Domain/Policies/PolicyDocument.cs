using System.Text.Json;

namespace SupportFunctions.Domain.Policies;

/// <summary>
/// Reads a policy document's text into a <see cref="SupportPolicy"/>, or reports every problem with its place: first the
/// JSON Schema (shape, kinds, allowed values), then the rules a schema cannot express (references between parts, ranges).
/// </summary>
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
            var problems = PolicySchemaCheck.Check(document.RootElement);
            if (problems.Count > 0)
            {
                throw new InvalidPolicyException(source, problems);
            }

            SupportPolicy policy;
            try
            {
                policy = document.RootElement.Deserialize<SupportPolicy>(PolicyJson.Options)!;
            }
            catch (JsonException ex)
            {
                // What the schema cannot say (a number too large for its field, say) still names its place.
                throw new InvalidPolicyException(source, [new PolicyProblem(ex.Path ?? "$", "cannot be read: " + ex.Message.Split(" Path:")[0])]);
            }

            var rules = PolicyValidator.Validate(policy);
            return rules.Count > 0 ? throw new InvalidPolicyException(source, rules) : policy;
        }
    }
}
