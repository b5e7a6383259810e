using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Cases;

/// <summary>
/// Closing a case, including without a resolution: resolved; a defect (its id required); an enhancement (pointing at
/// where ideas go); third-party software (a referral); or a change the customer must make — which waits in Pending
/// customer for the policy's time, with a reminder before, and then closes by itself unless the customer answers.
/// </summary>
public static class CaseClosing
{
    public const string ReminderTimer = "lifecycle-reminder";
    public const string AutoCloseTimer = "lifecycle-autoclose";

    /// <summary>Every missing detail by field; empty when the request can close the case.</summary>
    public static Dictionary<string, string[]> Check(ClosureReason reason, string? defectId, string? vendor)
    {
        var errors = new ErrorMap();
        if (reason == ClosureReason.Defect && string.IsNullOrWhiteSpace(defectId))
        {
            errors.Add("defectId", "is required when closing for a defect");
        }

        if (reason == ClosureReason.ThirdParty && string.IsNullOrWhiteSpace(vendor))
        {
            errors.Add("vendor", "is required when referring the customer to another vendor's support");
        }

        return errors.ToDictionary();
    }

    /// <summary>Why the case cannot be closed for this reason now (the lifecycle's transition rule); null when it can.</summary>
    public static string? Refusal(SupportPolicy policy, SupportCase c, ClosureReason reason, DateTimeOffset at) =>
        CaseLifecycle.Refusal(policy, c, reason == ClosureReason.CustomerChange ? CaseStatus.PendingCustomer : CaseStatus.Closed, at);

    public static CaseChangeBuilder Close(CaseChangeBuilder change, SupportPolicy policy, ClosureReason reason, string? note, string? defectId, string? ideaReference, string? vendor)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var data = new Dictionary<string, string> { ["reason"] = PolicyJson.EnumValue(reason) };
        if (!string.IsNullOrWhiteSpace(note))
        {
            data["note"] = note;
        }

        if (reason == ClosureReason.CustomerChange)
        {
            var closesAt = change.At + policy.Lifecycle.CustomerChangeWait;
            data["autoCloseAt"] = closesAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            CaseLifecycle.ChangeStatus(change, policy, CaseStatus.PendingCustomer, "customer change required");
            change.Update(c => c with { AwaitingCustomerChangeSince = change.At });
            return change.Record("customer-change-requested", data).Notify(NotificationKinds.CaseClosed, change.Case.CustomerRecipients(), data);
        }

        var notice = reason switch
        {
            ClosureReason.Defect => $"Closed against defect {defectId}; you will be told the release that fixes it.",
            ClosureReason.Enhancement => $"Closed as an enhancement request{(ideaReference is null ? string.Empty : $" ({ideaReference})")}. Submit and vote for ideas at: {policy.Lifecycle.IdeasUrl ?? "the vendor's ideas portal"}.",
            ClosureReason.ThirdParty => $"The problem lies in {vendor}; please contact {vendor}'s support.",
            _ => null,
        };
        if (defectId is not null && reason == ClosureReason.Defect)
        {
            data["defectId"] = defectId;
        }

        if (notice is not null)
        {
            data["notice"] = notice;
        }

        if (change.Case.Status != CaseStatus.Solved && reason == ClosureReason.Resolved)
        {
            CaseLifecycle.ChangeStatus(change, policy, CaseStatus.Solved);
        }

        CaseLifecycle.ChangeStatus(change, policy, CaseStatus.Closed, PolicyJson.EnumValue(reason));
        change.Update(c => c with
        {
            ClosureReason = PolicyJson.EnumValue(reason),
            ClosureNotice = notice,
            DefectId = reason == ClosureReason.Defect ? defectId : c.DefectId,
            AwaitingCustomerChangeSince = null,
        });
        return change.Record("closed", data).Notify(NotificationKinds.CaseClosed, change.Case.CustomerRecipients(), data);
    }

    /// <summary>
    /// The wait timers for a case: reminder and auto-close while it awaits a customer change in Pending customer;
    /// cancelled once it leaves that state (a reply, a status change). Null when no wait timer was ever involved.
    /// </summary>
    public static IReadOnlyDictionary<string, DateTimeOffset?> Timers(SupportPolicy policy, SupportCase before, SupportCase after)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.AwaitingCustomerChangeSince is { } since && after.Status == CaseStatus.PendingCustomer)
        {
            if (before.AwaitingCustomerChangeSince == since && before.Status == CaseStatus.PendingCustomer)
            {
                return new Dictionary<string, DateTimeOffset?>();
            }

            var closesAt = since + policy.Lifecycle.CustomerChangeWait;
            var timers = new Dictionary<string, DateTimeOffset?> { [AutoCloseTimer] = closesAt };
            if (policy.Lifecycle.ReminderBefore is { } before2)
            {
                timers[ReminderTimer] = closesAt - before2;
            }

            return timers;
        }

        return before.AwaitingCustomerChangeSince is not null
            ? new Dictionary<string, DateTimeOffset?> { [AutoCloseTimer] = null, [ReminderTimer] = null }
            : new Dictionary<string, DateTimeOffset?>();
    }

    /// <summary>Leaving Pending customer ends the wait.</summary>
    public static SupportCase EndWaitIfLeft(SupportCase c) =>
        c.Status != CaseStatus.PendingCustomer && c.AwaitingCustomerChangeSince is not null ? c with { AwaitingCustomerChangeSince = null } : c;
}
