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

    /// <summary>
    /// The HTML part: one readable column (system font, 16 px, 1.5 line height, dark on white: contrast above 15:1), the
    /// subject as the heading, the text's paragraphs, and the last one — how to answer — set apart. Styles are inline,
    /// as mail clients drop style sheets; no images, no scripts, no links the text did not have.
    /// </summary>
    private static string Html(string subject, string text, string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f5f7\">")
            .Append("<main style=\"max-width:40rem;margin:0 auto;padding:1.5rem;background:#ffffff;color:#1b1f24;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif\">")
            .Append("<h1 style=\"font-size:1.25rem;line-height:1.3;margin:0 0 1rem\">").Append(WebUtility.HtmlEncode(subject)).Append("</h1>");
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var last = i == paragraphs.Length - 1 && paragraphs.Length > 1;
            html.Append(last ? "<p style=\"margin:1.5rem 0 0;padding-top:1rem;border-top:1px solid #d0d4da;color:#3d4550\">" : "<p style=\"margin:0 0 1rem\">")
                .Append(WebUtility.HtmlEncode(paragraphs[i]).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
