using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

/// <summary>A case as the API shows it. <see cref="Account"/> is null when the requester may not see account data.</summary>
public sealed record CaseView(
    string Number,
    string Subject,
    string Description,
    NamedValue Category,
    string Status,
    SeverityView Severity,
    string? Priority,
    NamedValue Team,
    string? AssigneeId,
    string? Environment,
    DateTimeOffset? OccurredAt,
    IReadOnlyList<string> ProductAreas,
    IReadOnlyList<string> Cc,
    IReadOnlyDictionary<string, string> Fields,
    string Channel,
    RequesterView Requester,
    NamedValue? Account,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CaseWarning> Warnings,
    ClosureView? Closure,
    IReadOnlyList<AttachmentView> Attachments)
{
    public static CaseView From(SupportCase c, SupportPolicy policy, CustomerAccount? account, IReadOnlyList<CaseAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        var category = policy.FindCategory(c.Category);
        var team = policy.FindTeam(c.Team);
        return new CaseView(
            c.Number,
            c.Subject,
            c.Description,
            new NamedValue(c.Category, category?.Name ?? c.Category),
            c.Status.ToString(),
            new SeverityView(c.Severity, policy.FindSeverity(c.Severity)?.Name ?? c.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            c.Priority,
            new NamedValue(c.Team, team?.Name ?? c.Team),
            c.AssigneeId,
            c.Environment,
            c.OccurredAt,
            c.ProductAreas,
            c.Cc,
            c.Fields,
            c.Channel,
            new RequesterView(c.RequesterName, c.RequesterEmail),
            c.MaySeeAccountData && account is not null ? new NamedValue(account.Id, account.Name) : null,
            c.CreatedAt,
            c.UpdatedAt,
            c.Warnings,
            c.ClosureReason is null ? null : new ClosureView(c.ClosureReason, c.ClosureNotice, c.ClosedAt),
            attachments.Select(AttachmentView.From).ToList());
    }
}

public sealed record NamedValue(string Id, string Name);

public sealed record SeverityView(int Level, string Name);

public sealed record RequesterView(string? Name, string Email);

public sealed record ClosureView(string Reason, string? Notice, DateTimeOffset? ClosedAt);

/// <summary>A file on a case; <c>ExpiresAt</c> is when retention deletes its bytes (the entry stays in the case's history).</summary>
public sealed record AttachmentView(string Id, string FileName, string ContentType, long Size, string? Kind, bool Confirmed, DateTimeOffset AddedAt, DateTimeOffset? ExpiresAt)
{
    public static AttachmentView From(CaseAttachment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Kind, a.Confirmed, a.AddedAt, a.ExpiresAt);
    }
}

/// <summary>One audit event; <see cref="Visibility"/> is Internal for what only staff see (notes, SLA warnings).</summary>
public sealed record CaseEventView(int Sequence, DateTimeOffset At, string Actor, string Type, string Visibility, IReadOnlyDictionary<string, string> Data)
{
    public static CaseEventView From(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CaseEventView(e.Sequence, e.At, e.Actor, e.Type, e.Visibility.ToString(), e.Data);
    }
}

public sealed record CasePage(IReadOnlyList<CaseView> Items, string? ContinuationToken);
