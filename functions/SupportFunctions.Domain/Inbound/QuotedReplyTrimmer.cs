using System.Text.RegularExpressions;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// Cuts the quoted history off a reply so the case shows what the customer wrote now: everything from the first
/// separator mail clients put above a quote ("On … wrote:", "-----Original Message-----", Outlook's "De: … Enviado:",
/// "Em … escreveu:", "El … escribió:") and trailing "&gt;" lines. The full message stays in storage.
/// </summary>
public static partial class QuotedReplyTrimmer
{
    public static string Trim(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cut = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            if (StartsQuote(lines, i))
            {
                cut = i;
                break;
            }
        }

        // Bottom-posted quotes without a separator: drop the trailing block of "> " lines.
        while (cut > 0 && (lines[cut - 1].TrimStart().StartsWith('>') || string.IsNullOrWhiteSpace(lines[cut - 1])))
        {
            cut--;
        }

        var kept = string.Join('\n', lines[..cut]).Trim();
        return kept.Length == 0 ? text.Trim() : kept;
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line) || Wrote().IsMatch(line))
        {
            return true;
        }

        // Gmail wraps long attributions: "On Mon, 3 Jun 2024 at 10:00, Jane Doe <jane@x.com>" / "wrote:".
        if (AttributionStart().IsMatch(line) && i + 1 < lines.Length && Wrote().IsMatch(line + " " + lines[i + 1].Trim()))
        {
            return true;
        }

        // Outlook: a "From:/De:" line followed within a few lines by "Sent:/Enviado:/Enviada em:/Date:".
        if (OutlookFrom().IsMatch(line))
        {
            for (var j = i + 1; j < Math.Min(lines.Length, i + 4); j++)
            {
                if (OutlookSent().IsMatch(lines[j].Trim()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Mensaje original|Mensagem original|Message d'origine|Ursprüngliche Nachricht)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(On|Em|El|Le|Am)\s.+\s(wrote|escreveu|escribió|a écrit|schrieb)\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex Wrote();

    [GeneratedRegex(@"^(On|Em|El|Le|Am)\s.+", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(From|De|Von)\s*:\*?\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(Sent|Enviado|Enviada em|Gesendet|Date|Data|Fecha)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
