using System.Security;
using System.Text;

namespace SupportFunctions.App.Inbound;

/// <summary>The TwiML Twilio plays back: the case number spelled out, in the caller's language where we have the words.</summary>
public static class TwimlAnswer
{
    private static readonly Dictionary<string, (string Voice, string Known, string Unknown)> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("en-US", "Thank you. Your case number is {0}. Support has been notified.", "We could not find your phone number among registered support contacts. Please open a case on the support portal or by email."),
        ["es"] = ("es-ES", "Gracias. Su número de caso es {0}. Soporte ha sido notificado.", "No encontramos su número entre los contactos de soporte registrados. Abra un caso en el portal de soporte o por correo."),
        ["pt"] = ("pt-BR", "Obrigado. O número do seu caso é {0}. O suporte foi notificado.", "Não encontramos seu número entre os contatos de suporte cadastrados. Abra um caso no portal de suporte ou por e-mail."),
    };

    public static string For(string? caseNumber, string? language)
    {
        var phrases = Phrases.GetValueOrDefault(language ?? "en") is { Voice: not null } found ? found : Phrases["en"];
        var text = caseNumber is null ? phrases.Unknown : string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases.Known, Spell(caseNumber));
        return $"""<?xml version="1.0" encoding="UTF-8"?><Response><Say language="{phrases.Voice}">{SecurityElement.Escape(text)}</Say></Response>""";
    }

    /// <summary>"CS-000123" → "C S, 0 0 0 1 2 3": read character by character, a pause at the dash.</summary>
    public static string Spell(string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        var spoken = new StringBuilder();
        foreach (var c in caseNumber)
        {
            spoken.Append(c == '-' ? "," : (spoken.Length > 0 ? " " : string.Empty) + c);
        }

        return spoken.ToString();
    }
}
