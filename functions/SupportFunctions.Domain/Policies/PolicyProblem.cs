using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportFunctions.Domain.Policies;

/// <summary>
/// One thing wrong with a policy document: where (a JSON path like <c>$.categories[2].team</c>, and the same place as an
/// RFC 6901 JSON pointer, <c>/categories/2/team</c>) and which rule.
/// </summary>
public sealed partial record PolicyProblem(string Path, string Rule)
{
    /// <summary>The place as a JSON pointer; empty when the problem is not at a place in the JSON (text that is not JSON).</summary>
    public string JsonPointer => Path.StartsWith('$') ? ToPointer(Path) : string.Empty;

    /// <summary>A problem found at a JSON pointer (as the schema validator reports places).</summary>
    public static PolicyProblem AtPointer(string jsonPointer, string rule)
    {
        var pointer = Json.Pointer.JsonPointer.Parse(jsonPointer);
        var path = new StringBuilder("$");
        for (var i = 0; i < pointer.SegmentCount; i++)
        {
            var name = pointer[i].ToString();
            path.Append(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? $"[{index}]" : "." + name);
        }

        return new PolicyProblem(path.ToString(), rule);
    }

    public override string ToString() => $"{Path}: {Rule}";

    private static string ToPointer(string path)
    {
        var pointer = Json.Pointer.JsonPointer.Empty;
        foreach (Match segment in PathSegment().Matches(path))
        {
            pointer = pointer.Combine(segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["index"].Value);
        }

        return pointer.ToString();
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
