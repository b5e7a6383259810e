namespace SupportFunctions.Domain.Policies;

/// <summary>A text in several languages (BCP 47 tag → text); picks the requested language, then the policy's, then English, then any.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public static LocalizedText Of(string language, string text) => new() { [language] = text };

    public string For(string? language, string fallbackLanguage)
    {
        foreach (var candidate in new[] { language, language?.Split('-')[0], fallbackLanguage, "en" })
        {
            if (candidate is not null && TryGetValue(candidate, out var text) && text.Length > 0)
            {
                return text;
            }
        }

        return Values.FirstOrDefault(v => v.Length > 0) ?? string.Empty;
    }
}
