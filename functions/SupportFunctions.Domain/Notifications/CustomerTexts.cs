using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportFunctions.Domain.Notifications;

/// <summary>
/// The short texts a customer reads outside the mail templates — why a case was closed, the closure notices, a date and
/// time in their zone — by key and language (embedded <c>customer-texts.json</c>; en, es and pt complete). A language
/// falls back as the mail templates do (pt-BR → pt → en), so the text and the mail around it agree.
/// </summary>
public static partial class CustomerTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = Load();

    public static IEnumerable<string> Keys => Texts.Keys;

    public static IReadOnlyCollection<string> LanguagesOf(string key) => Texts.TryGetValue(key, out var byLanguage) ? byLanguage.Keys : [];

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> (or its fallback), placeholders filled.</summary>
    public static string Text(string key, string? language, IReadOnlyDictionary<string, string>? values = null)
    {
        var byLanguage = Texts.TryGetValue(key, out var found) ? found : throw new ArgumentException($"There is no customer text '{key}'.", nameof(key));
        var text = byLanguage[Resolve(language)];
        return values is null ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);
    }

    /// <summary><see cref="Text"/> with its values given inline: <c>Say(language, "intake.one-of", ("list", "a, b"))</c>.</summary>
    public static string Say(string? language, string key, params (string Name, object? Value)[] values) =>
        Text(key, language, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal));

    /// <summary>Items joined as a reader lists alternatives: "a, b or c" / "a, b o c" / "a, b ou c".</summary>
    public static string Alternatives(string? language, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + Text("word.or", language) + list[^1];
    }

    /// <summary>A closure reason (the API's value, e.g. <c>thirdParty</c>) in words; an unknown one is shown as given.</summary>
    public static string ClosureReason(string reason, string? language) =>
        Texts.ContainsKey("closure-reason." + reason) ? Text("closure-reason." + reason, language) : reason;

    /// <summary>
    /// An instant as a person in <paramref name="timeZone"/> reads it: "Monday, December 14, 2026 at 09:00
    /// (America/New_York)" — the long date of the language's culture, a 24-hour time, and the zone named.
    /// </summary>
    public static string DateTime(DateTimeOffset at, string timeZone, string? language)
    {
        var used = Resolve(language);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var culture = CultureInfo.GetCultureInfo(used);
        return Text("date-time", used, new Dictionary<string, string>
        {
            ["date"] = local.ToString(culture.DateTimeFormat.LongDatePattern, culture),
            ["time"] = local.ToString("HH:mm", culture),
            ["zone"] = zone.Id,
        });
    }

    /// <summary>
    /// A mail's values as the customer reads them: an instant (<c>autoCloseAt</c>, ISO 8601 in the intent) as a date and
    /// time in the case's zone, and a closing's reason in words — never a machine timestamp or an enum name.
    /// </summary>
    public static void Humanize(string kind, IDictionary<string, string> values, string? language, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.TryGetValue("autoCloseAt", out var iso) && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            values["autoCloseAt"] = DateTime(at, timeZone, language);
        }

        if (kind == Cases.NotificationKinds.CaseClosed && values.TryGetValue("reason", out var reason))
        {
            values["reason"] = ClosureReason(reason, language);
        }
    }

    private static string Resolve(string? language)
    {
        // The mail templates' fallback, so a notice and the mail around it are in the same language.
        var supported = Texts[Texts.Keys.First()].Keys;
        return MailTemplateCatalog.Candidates(language).Select(c => supported.FirstOrDefault(s => string.Equals(s, c, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(s => s is not null)
            ?? MailTemplateCatalog.FallbackLanguage;
    }

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        using var stream = typeof(CustomerTexts).Assembly.GetManifestResourceStream("SupportFunctions.Domain.Notifications.customer-texts.json")
            ?? throw new InvalidOperationException("The embedded customer texts are missing from the build.");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("The embedded customer texts are empty.");
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
