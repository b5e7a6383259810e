using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// How a case lives in the cases table: one partition per case number holding the case row, its events, its outbox
/// intents and its attachments, so any change to a case is one entity group transaction.
/// </summary>
internal static class CaseEntities
{
    public const string CaseRow = "case";
    public const string EventPrefix = "evt|";
    public const string IntentPrefix = "out|";
    public const string AttachmentPrefix = "att|";
    public const string MarkerPrefix = "ixp|";
    public const string MarkerEnd = "ixp}";
    public const string OutcomePrefix = "slo|";
    public const string OutcomeEnd = "slo}";
    private const string FieldPrefix = "F_";

    public static string EventRow(int sequence) => EventPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(SupportCase c)
    {
        var entity = new TableEntity(c.Number, CaseRow)
        {
            ["Subject"] = c.Subject,
            ["Description"] = c.Description,
            ["Category"] = c.Category,
            ["Status"] = c.Status.ToString(),
            ["Severity"] = c.Severity,
            ["Priority"] = c.Priority,
            ["Team"] = c.Team,
            ["AssigneeId"] = c.AssigneeId,
            ["Environment"] = c.Environment,
            ["OccurredAt"] = c.OccurredAt,
            ["ProductAreas"] = StoredJson.Write(c.ProductAreas),
            ["Cc"] = StoredJson.Write(c.Cc),
            ["Channel"] = c.Channel,
            ["RequesterContactId"] = c.RequesterContactId,
            ["RequesterEmail"] = c.RequesterEmail,
            ["RequesterName"] = c.RequesterName,
            ["AccountId"] = c.AccountId,
            ["MaySeeAccountData"] = c.MaySeeAccountData,
            ["Language"] = c.Language,
            ["TimeZone"] = c.TimeZone,
            ["CreatedAt"] = c.CreatedAt,
            ["UpdatedAt"] = c.UpdatedAt,
            ["Version"] = c.Version,
            ["Warnings"] = StoredJson.Write(c.Warnings),
            ["ClosureReason"] = c.ClosureReason,
            ["ClosureNotice"] = c.ClosureNotice,
            ["ClosedAt"] = c.ClosedAt,
            ["SolvedAt"] = c.SolvedAt,
            ["Sla"] = StoredJson.Write(c.Sla),
            ["EscalatedAt"] = c.EscalatedAt,
            ["AwaitingCustomerChangeSince"] = c.AwaitingCustomerChangeSince,
            ["AwaitingCustomerChange"] = c.AwaitingCustomerChange,
            ["DefectId"] = c.DefectId,
            ["DefectFixedIn"] = c.DefectFixedIn,
            ["AnonymisedAt"] = c.AnonymisedAt,
            ["Origin"] = c.Origin,
            ["DataClass"] = "case",
        };

        // Each category field is its own property so a large JSON payload does not crowd the others out of 64 KiB.
        foreach (var (id, value) in c.Fields)
        {
            entity[FieldPrefix + id] = value;
        }

        return entity;
    }

    public static SupportCase ToCase(TableEntity e) => new()
    {
        Number = e.PartitionKey,
        Subject = e.GetString("Subject") ?? string.Empty,
        Description = e.GetString("Description") ?? string.Empty,
        Category = e.GetString("Category") ?? string.Empty,
        Status = Enum.Parse<CaseStatus>(e.GetString("Status") ?? nameof(CaseStatus.New)),
        Severity = e.GetInt32("Severity") ?? 0,
        Priority = e.GetString("Priority"),
        Team = e.GetString("Team") ?? string.Empty,
        AssigneeId = e.GetString("AssigneeId"),
        Environment = e.GetString("Environment"),
        OccurredAt = e.GetDateTimeOffset("OccurredAt"),
        ProductAreas = StoredJson.Read<List<string>>(e.GetString("ProductAreas"), []),
        Cc = StoredJson.Read<List<string>>(e.GetString("Cc"), []),
        Fields = e.Where(p => p.Key.StartsWith(FieldPrefix, StringComparison.Ordinal) && p.Value is string)
            .ToDictionary(p => p.Key[FieldPrefix.Length..], p => (string)p.Value, StringComparer.Ordinal),
        Channel = e.GetString("Channel") ?? string.Empty,
        RequesterContactId = e.GetString("RequesterContactId"),
        RequesterEmail = e.GetString("RequesterEmail") ?? string.Empty,
        RequesterName = e.GetString("RequesterName"),
        AccountId = e.GetString("AccountId"),
        MaySeeAccountData = e.GetBoolean("MaySeeAccountData") ?? false,
        Language = e.GetString("Language") ?? "en",
        TimeZone = e.GetString("TimeZone") ?? "UTC",
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.GetInt32("Version") ?? 1,
        Warnings = StoredJson.Read<List<CaseWarning>>(e.GetString("Warnings"), []),
        ClosureReason = e.GetString("ClosureReason"),
        ClosureNotice = e.GetString("ClosureNotice"),
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
        SolvedAt = e.GetDateTimeOffset("SolvedAt"),
        Sla = StoredJson.Read(e.GetString("Sla"), new Domain.Sla.SlaState()),
        EscalatedAt = e.GetDateTimeOffset("EscalatedAt"),
        AwaitingCustomerChangeSince = e.GetDateTimeOffset("AwaitingCustomerChangeSince"),
        AwaitingCustomerChange = e.GetString("AwaitingCustomerChange"),
        DefectId = e.GetString("DefectId"),
        DefectFixedIn = e.GetString("DefectFixedIn"),
        AnonymisedAt = e.GetDateTimeOffset("AnonymisedAt"),
        Origin = e.GetString("Origin"),
    };

    public static TableEntity ToEntity(CaseEvent e) => new(e.CaseNumber, EventRow(e.Sequence))
    {
        ["At"] = e.At,
        ["Actor"] = e.Actor,
        ["Type"] = e.Type,
        ["Visibility"] = e.Visibility.ToString(),
        ["Data"] = StoredJson.Write(e.Data),
        ["DataClass"] = Domain.Retention.DataClasses.AuditEvents,
    };

    public static CaseEvent ToEvent(TableEntity e) => new()
    {
        CaseNumber = e.PartitionKey,
        Sequence = int.Parse(e.RowKey[EventPrefix.Length..], CultureInfo.InvariantCulture),
        At = e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Actor = e.GetString("Actor") ?? "system",
        Type = e.GetString("Type") ?? string.Empty,
        Visibility = Enum.Parse<EventVisibility>(e.GetString("Visibility") ?? nameof(EventVisibility.Public)),
        Data = StoredJson.Read<Dictionary<string, string>>(e.GetString("Data"), []),
    };

    public static TableEntity ToEntity(NotificationIntent i) => new(i.CaseNumber, IntentPrefix + i.Id)
    {
        ["Kind"] = i.Kind,
        ["Recipients"] = StoredJson.Write(i.Recipients),
        ["Language"] = i.Language,
        ["CreatedAt"] = i.CreatedAt,
        ["Data"] = StoredJson.Write(i.Data),
        ["State"] = "pending",
        ["DataClass"] = "notification",
    };

    public static NotificationIntent ToIntent(TableEntity e) => new()
    {
        Id = e.RowKey[IntentPrefix.Length..],
        CaseNumber = e.PartitionKey,
        Kind = e.GetString("Kind") ?? string.Empty,
        Recipients = StoredJson.Read<List<string>>(e.GetString("Recipients"), []),
        Language = e.GetString("Language") ?? "en",
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Data = StoredJson.Read<Dictionary<string, string>>(e.GetString("Data"), []),
    };

    public static TableEntity ToEntity(string caseNumber, CaseAttachment a) => new(caseNumber, AttachmentPrefix + a.Id)
    {
        ["FileName"] = a.FileName,
        ["ContentType"] = a.ContentType,
        ["Size"] = a.Size,
        ["Kind"] = a.Kind,
        ["BlobName"] = a.BlobName,
        ["UploadedBy"] = a.UploadedBy,
        ["AddedAt"] = a.AddedAt,
        ["Confirmed"] = a.Confirmed,
        ["ExpiresAt"] = a.ExpiresAt,
        ["DataClass"] = Domain.Retention.DataClasses.UploadedDataFiles,
    };

    public static CaseAttachment ToAttachment(TableEntity e) => new()
    {
        Id = e.RowKey[AttachmentPrefix.Length..],
        FileName = e.GetString("FileName") ?? string.Empty,
        ContentType = e.GetString("ContentType") ?? "application/octet-stream",
        Size = e.GetInt64("Size") ?? 0,
        Kind = e.GetString("Kind"),
        BlobName = e.GetString("BlobName") ?? string.Empty,
        UploadedBy = e.GetString("UploadedBy") ?? string.Empty,
        AddedAt = e.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue,
        Confirmed = e.GetBoolean("Confirmed") ?? false,
        ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
    };

    public static TableEntity ToEntity(string caseNumber, Domain.Sla.SlaOutcome o) => new(caseNumber, OutcomePrefix + o.Key)
    {
        ["Clock"] = o.Clock.ToString(),
        ["StartedAt"] = o.StartedAt,
        ["TargetTicks"] = o.Target.Ticks,
        ["Outcome"] = o.Outcome.ToString(),
        ["SettledAt"] = o.SettledAt,
        ["MetAt"] = o.MetAt,
        ["ElapsedTicks"] = o.ElapsedTimeToMeet?.Ticks,
        ["BusinessTicks"] = o.BusinessTimeToMeet?.Ticks,
        ["DataClass"] = Domain.Retention.DataClasses.AuditEvents,
    };

    public static Domain.Sla.SlaOutcome ToOutcome(TableEntity e) => new()
    {
        Clock = Enum.Parse<Domain.Sla.SlaClockKind>(e.GetString("Clock")!),
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        Target = TimeSpan.FromTicks(e.GetInt64("TargetTicks") ?? 0),
        Outcome = Enum.Parse<Domain.Sla.SlaOutcomeKind>(e.GetString("Outcome")!),
        SettledAt = e.GetDateTimeOffset("SettledAt") ?? DateTimeOffset.MinValue,
        MetAt = e.GetDateTimeOffset("MetAt"),
        BusinessTimeToMeet = e.GetInt64("BusinessTicks") is { } b ? TimeSpan.FromTicks(b) : null,
        ElapsedTimeToMeet = e.GetInt64("ElapsedTicks") is { } x ? TimeSpan.FromTicks(x) : null,
    };
}
