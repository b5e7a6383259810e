using System.Text.Json;

namespace SupportFunctions.Domain.Notifications;

/// <summary>
/// Templates by notification kind and language. A language without a translation falls back to its base language
/// (pt-BR → pt) and then to English, so a mail is never empty; every kind must have English.
/// </summary>
public sealed class MailTemplateCatalog
{
    public const string FallbackLanguage = "en";

    private readonly Dictionary<string, Dictionary<string, MailTemplate>> _templates;

    public MailTemplateCatalog(IReadOnlyDictionary<string, IReadOnlyDictionary<string, MailTemplate>> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates.ToDictionary(
            k => k.Key,
            k => k.Value.ToDictionary(l => l.Key, l => l.Value, StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
        var missing = _templates.Where(k => !k.Value.ContainsKey(FallbackLanguage)).Select(k => k.Key).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Every notification kind needs an English template; missing for {string.Join(", ", missing)}.", nameof(templates));
        }
    }

    /// <summary>The templates this product ships (embedded <c>mail-templates.json</c>).</summary>
    public static MailTemplateCatalog Default { get; } = LoadEmbedded();

    public IEnumerable<string> Kinds => _templates.Keys;

    public IReadOnlyCollection<string> LanguagesOf(string kind) => _templates.TryGetValue(kind, out var byLanguage) ? byLanguage.Keys : [];

    /// <summary>The template for <paramref name="kind"/> in <paramref name="language"/> or its fallback; null for an unknown kind.</summary>
    public (MailTemplate Template, string Language)? Find(string kind, string? language)
    {
        if (!_templates.TryGetValue(kind, out var byLanguage))
        {
            return null;
        }

        foreach (var candidate in Candidates(language))
        {
            if (byLanguage.TryGetValue(candidate, out var template))
            {
                return (template, candidate);
            }
        }

        return (byLanguage[FallbackLanguage], FallbackLanguage);
    }

    /// <summary>The languages to try for <paramref name="language"/>, most specific first (pt-BR, pt); English comes after them all.</summary>
    internal static IEnumerable<string> Candidates(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            yield break;
        }

        yield return language;
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            yield return language[..dash];
        }
    }

    private static MailTemplateCatalog LoadEmbedded()
    {
        using var stream = typeof(MailTemplateCatalog).Assembly.GetManifestResourceStream("SupportFunctions.Domain.Notifications.mail-templates.json")
            ?? throw new InvalidOperationException("The embedded mail templates are missing from the build.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, RawTemplate>>>(stream)
            ?? throw new InvalidOperationException("The embedded mail templates are empty.");
        return new MailTemplateCatalog(raw.ToDictionary(
            k => k.Key,
            k => (IReadOnlyDictionary<string, MailTemplate>)k.Value.ToDictionary(l => l.Key, l => new MailTemplate(l.Value.Subject, l.Value.Text))));
    }

    private sealed record RawTemplate
    {
        [System.Text.Json.Serialization.JsonPropertyName("subject")]
        public required string Subject { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("text")]
        public required string Text { get; init; }
    }
}
