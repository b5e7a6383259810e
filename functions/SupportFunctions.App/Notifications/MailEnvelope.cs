namespace SupportFunctions.App.Notifications;

/// <summary>One copy of a mail (a SendGrid personalization): its To and Cc recipients see each other, other envelopes do not.</summary>
public sealed record MailEnvelope(IReadOnlyList<string> To, IReadOnlyList<string> Cc);
