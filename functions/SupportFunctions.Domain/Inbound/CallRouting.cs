using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// What a call opens: the line's category, and its severity for a verified caller (a PIN line gives its severity only
/// to callers who keyed in their account's PIN); otherwise the caller's IVR choice, never more urgent than the default
/// for an unverified caller on a PIN line.
/// </summary>
public static class CallRouting
{
    public static PhoneLine? Line(SupportPolicy policy, string dialed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Voice?.Lines.FirstOrDefault(l => string.Equals(l.Number, dialed, StringComparison.Ordinal));
    }

    public static string Category(SupportPolicy policy, PhoneLine? line)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var voice = policy.Voice ?? throw new InvalidOperationException("The policy takes no calls.");
        return line?.Category ?? voice.DefaultCategory;
    }

    /// <summary>The severity to ask for, or null to let the policy's default apply.</summary>
    public static int? Severity(SupportPolicy policy, PhoneLine? line, VoiceCall call, bool verified)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(call);
        if (line is { RequiresPin: true } && !verified)
        {
            // An unverified caller on a PIN line gets no urgent severity: at most the default, whatever they chose.
            var fallback = policy.Intake.DefaultSeverity;
            return call.Severity is { } chosen && chosen > fallback ? chosen : null;
        }

        return line?.Severity ?? call.Severity;
    }
}
