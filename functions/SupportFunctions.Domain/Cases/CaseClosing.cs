using SupportFunctions.Domain.Notifications;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Cases;

/// <summary>
/// Closing a case, including without a resolution: resolved; a defect (its id required); an enhancement (pointing at
/// where ideas go); third-party software (a referral); or a change the customer must make — which waits in Pending
/// customer for the policy's time, with a reminder before, and then closes by itself unless the customer answers.
/// </summary>
public static class CaseClosing
{
    /// <summary>The closure reason of a case closed by the end of a customer-change wait, spelled like the API's reasons.</summary>
    public const string CustomerChangeTimeout = "customerChangeTimeout";

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
            // Not a closing yet: the customer is told what to change, until when, and that a reply keeps the case open.
            data["autoCloseAt"] = WaitSchedule(policy, change.At).ClosesAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            CaseLifecycle.ChangeStatus(change, policy, CaseStatus.PendingCustomer, "customer change required");
            change.Update(c => c with { AwaitingCustomerChangeSince = change.At, AwaitingCustomerChange = string.IsNullOrWhiteSpace(note) ? null : note });
            return change.Record("customer-change-requested", data).Notify(NotificationKinds.CustomerChangeRequested, change.Case.CustomerRecipients(), data);
        }

        // In the requester's language: the API's closure.notice and the mail say it alike.
        var language = change.Case.Language;
        var notice = reason switch
        {
            ClosureReason.Defect => CustomerTexts.Text("closure-notice.defect", language, new Dictionary<string, string> { ["defectId"] = defectId ?? string.Empty }),
            ClosureReason.Enhancement => CustomerTexts.Text("closure-notice.enhancement", language, new Dictionary<string, string>
            {
                ["reference"] = ideaReference is null ? string.Empty : $" ({ideaReference})",
                ["ideas"] = policy.Lifecycle.IdeasUrl ?? CustomerTexts.Text("closure-notice.ideas-portal", language),
            }),
            ClosureReason.ThirdParty => CustomerTexts.Text("closure-notice.thirdParty", language, new Dictionary<string, string> { ["vendor"] = vendor ?? string.Empty }),
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

    /// <summary>The start of the customer-change wait this change began, or null when it began none.</summary>
    public static DateTimeOffset? WaitBegun(SupportCase before, SupportCase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.AwaitingCustomerChangeSince is { } since && StillWaiting(after, since) && !StillWaiting(before, since) ? since : null;
    }

    /// <summary>The start of the customer-change wait this change ended (a reply, a status change, a new wait), or null.</summary>
    public static DateTimeOffset? WaitEnded(SupportCase before, SupportCase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.AwaitingCustomerChangeSince is { } since && after.AwaitingCustomerChangeSince != since ? since : null;
    }

    /// <summary>When the wait that began at <paramref name="since"/> reminds the customer (null: the policy sends none) and closes the case.</summary>
    public static CustomerWaitSchedule WaitSchedule(SupportPolicy policy, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var closesAt = since + policy.Lifecycle.CustomerChangeWait;
        return new CustomerWaitSchedule(since, policy.Lifecycle.ReminderBefore is { } before ? closesAt - before : null, closesAt);
    }

    /// <summary>
    /// The reminder of the wait that began at <paramref name="since"/>: recorded and sent only while the case still
    /// awaits the customer in that same wait (a reply or a newer wait makes it a no-op). True when it reminded.
    /// </summary>
    public static bool RemindOfWait(CaseChangeBuilder change, SupportPolicy policy, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var c = change.Case;
        if (!StillWaiting(c, since))
        {
            return false;
        }

        var data = AskedChange(c);
        data["autoCloseAt"] = WaitSchedule(policy, since).ClosesAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        change.Record("pending-customer-reminder", data).Notify(NotificationKinds.PendingReminder, c.CustomerRecipients(), data);
        return true;
    }

    /// <summary>The end of the wait that began at <paramref name="since"/>: the case closes with the reason and notice, if it still waits. True when it closed.</summary>
    public static bool CloseAfterWait(CaseChangeBuilder change, SupportPolicy policy, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var c = change.Case;
        if (!StillWaiting(c, since))
        {
            return false;
        }

        var data = AskedChange(c);
        CaseLifecycle.ChangeStatus(change, policy, CaseStatus.Closed, "no answer within the wait for a customer change");
        change.Update(x => x with { ClosureReason = CustomerChangeTimeout, ClosureNotice = CustomerTexts.Text("closure-notice.customerChangeTimeout", x.Language) });
        change.Record("auto-closed", data).Notify(NotificationKinds.AutoClosed, c.CustomerRecipients(), data);
        return true;
    }

    /// <summary>The change the customer was asked for, as the reminder and the auto-close mail repeat it (<c>note</c>).</summary>
    private static Dictionary<string, string> AskedChange(SupportCase c) =>
        c.AwaitingCustomerChange is { } asked ? new Dictionary<string, string> { ["note"] = asked } : [];

    private static bool StillWaiting(SupportCase c, DateTimeOffset since) =>
        c.Status == CaseStatus.PendingCustomer && c.AwaitingCustomerChangeSince == since;
}
