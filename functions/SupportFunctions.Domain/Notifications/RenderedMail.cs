namespace SupportFunctions.Domain.Notifications;

/// <summary>A notification ready to send: subject (with the case token), plain text, and HTML with every value encoded.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html, string Language);
