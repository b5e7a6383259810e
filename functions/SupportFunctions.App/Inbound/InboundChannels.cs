namespace SupportFunctions.App.Inbound;

/// <summary>Channel names of stored inbound items and the retention class of each one's raw request.</summary>
public static class InboundChannels
{
    public const string Email = "email";
    public const string Twilio = "voice-twilio";
    public const string Voice = "voice";

    public static string DataClassOf(string channel) => channel == Email ? "rawInboundEmail" : "phoneCallLogs";
}
