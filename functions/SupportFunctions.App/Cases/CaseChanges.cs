using SupportFunctions.App.AgentQueues;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Notifications;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Applies changes to cases: read, decide, start the customer-change wait the change begins (if any), commit case,
/// events and intents in one transaction guarded by the case's ETag (on a concurrent change, read again and decide
/// again) with the clock outcomes it decides, then write the case's queue and report rows, queue the committed intents for delivery and tell the case's orchestrations what changed.
/// </summary>
public sealed class CaseChanges(CaseRepository cases, CaseOrchestrations orchestrations, NotificationDispatcher notifications, CaseProjection projection, SupportPolicy policy)
{
    private const int MaxAttempts = 8;

    /// <summary>The updated case; null when there is no such case. A decision of null means "nothing to change".</summary>
    public Task<SupportCase?> ApplyAsync(string number, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken) =>
        ApplyAsync(number, null, decide, cancellationToken);

    /// <summary>
    /// Applies the change an inbound item (a mail, a call event) causes, once: the item's receipt is written in the same
    /// transaction, and an item whose receipt the case already has changes nothing — however often it is delivered.
    /// </summary>
    public Task<SupportCase?> ApplyOnceAsync(string number, string receipt, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken) =>
        ApplyAsync(number, receipt, decide, cancellationToken);

    private async Task<SupportCase?> ApplyAsync(string number, string? receipt, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await cases.GetAsync(number, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            if (receipt is not null && await cases.HasReceiptAsync(number, receipt, cancellationToken))
            {
                return stored.Case;
            }

            var change = decide(stored);
            if (change is null)
            {
                return stored.Case;
            }

            await orchestrations.BeforeCommitAsync(stored.Case, change.Built.Case, cancellationToken);
            try
            {
                var outcomes = SlaOutcomes.DecidedBy(stored.Case, change.Built.Case, policy);
                await cases.ApplyAsync(stored, change.Built.Case, change.Built.Events, change.Built.Intents, change.Attachments, receipt, outcomes, cancellationToken);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone changed the case since we read it. A wait started for this attempt belongs to a state that
                // was never committed: its activities find the case not waiting in it and do nothing.
                continue;
            }

            await projection.ProjectAsync(number, cancellationToken);
            await notifications.DispatchAsync(change.Built.Intents, cancellationToken);
            await orchestrations.AfterCommitAsync(stored.Case, change.Built.Case, change.SignalsSla, cancellationToken);
            return change.Built.Case;
        }
    }
}
