using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// What a delivery leaves outside the outbox: the Message-ID remembered before sending (so a customer answering within
/// a second still threads to the case), and an internal event on the case when a delivery ends without being sent.
/// </summary>
public sealed class DeliveryTraces(MessageIdRepository messageIds, CaseChanges changes, TimeProvider time)
{
    public Task RememberMessageIdAsync(string messageId, string caseNumber, CancellationToken cancellationToken) =>
        messageIds.RecordAsync(messageId, caseNumber, cancellationToken);

    public async Task RecordOnCaseAsync(NotificationDelivery outcome, string eventType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var data = new Dictionary<string, string> { ["intentId"] = outcome.Intent.Id, ["kind"] = outcome.Intent.Kind, ["reason"] = outcome.LastError ?? string.Empty, ["attempts"] = outcome.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await changes.ApplyAsync(outcome.Intent.CaseNumber, stored => new CaseChange(new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "system:mail").Record(eventType, data, EventVisibility.Internal)), cancellationToken);
    }
}
