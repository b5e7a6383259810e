namespace SupportFunctions.Domain.Notifications;

/// <summary>One language's subject and plain-text body of a notification kind, with <c>{placeholder}</c>s for case facts.</summary>
public sealed record MailTemplate(string Subject, string Text);
