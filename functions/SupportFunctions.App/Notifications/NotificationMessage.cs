namespace SupportFunctions.App.Notifications;

/// <summary>
/// What the notifications queue carries: which intents of a case to deliver (one message per change, however many
/// intents it made; <see cref="IntentIds"/> absent in messages of one intent). The intent rows hold everything else.
/// </summary>
public sealed record NotificationMessage(string CaseNumber, string IntentId, IReadOnlyList<string>? IntentIds = null)
{
    /// <summary>Every intent the message names, each delivered on its own.</summary>
    public IEnumerable<NotificationMessage> Each() =>
        (IntentIds is { Count: > 0 } ids ? ids : [IntentId]).Distinct(StringComparer.Ordinal).Select(id => new NotificationMessage(CaseNumber, id));
}
