using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Notifications;

/// <summary>
/// Fills a template with case facts. User content (subjects, replies, names) is inserted as text: the HTML part encodes
/// every character of it, so a customer's "&lt;script&gt;" arrives as text. A placeholder without a value renders empty,
/// and the blank lines it leaves are folded.
/// </summary>
public static partial class MailRenderer
{
    public static RenderedMail Render(MailTemplateCatalog catalog, string kind, string? language, string caseNumber, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(values);
        var (template, used) = catalog.Find(kind, language) ?? throw new ArgumentException($"There is no template for notification kind '{kind}'.", nameof(kind));
        var subject = Fill(template.Subject, values).ReplaceLineEndings(" ").Trim();
        var token = CaseReferences.Token(caseNumber);
        if (!subject.Contains(token, StringComparison.OrdinalIgnoreCase))
        {
            subject = $"{token} {subject}";
        }

        var text = BlankLines().Replace(Fill(template.Text, values).ReplaceLineEndings("\n"), "\n\n").Trim() + "\n";
        return new RenderedMail(subject, text, Html(subject, text, used), used);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);

    private static string Html(string subject, string text, string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(language)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body>");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
