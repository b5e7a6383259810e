using SupportFunctions.Domain.Retention;

namespace SupportFunctions.App.Inbound;

/// <summary>Channel names of stored inbound items and the retention class of each one's raw request.</summary>
public static class InboundChannels
{
    public const string Email = "email";
    public const string Twilio = "voice-twilio";
    public const string Voice = "voice";
    public const string Queue = "queue";

    /// <summary>Calls are call logs; mail and queued submissions are raw inbound messages, kept as the policy's rawInboundEmail.</summary>
    public static string DataClassOf(string channel) => channel is Twilio or Voice ? DataClasses.PhoneCallLogs : DataClasses.RawInboundEmail;
}
