using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.Retention;

public sealed class PersonalDataScrubberTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 4, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private static SupportCase Case() => new()
    {
        Number = "SUP-000123",
        Subject = "Ana Souza cannot send SMS since 2025-03-01",
        Description = "Hi, this is Ana. Call me on +55 11 98765-4321 or write to ana.souza@acme.example; my boss bob@acme.example agrees. 42 messages failed.",
        Category = "technical-problem",
        Status = CaseStatus.Closed,
        Severity = 2,
        Team = "support",
        Channel = "email",
        RequesterContactId = "ct-1",
        RequesterEmail = "ana.souza@acme.example",
        RequesterName = "Ana Souza",
        AccountId = "acct-1",
        Cc = ["bob@acme.example"],
        Fields = new Dictionary<string, string> { ["reporter"] = "Souza, Ana", ["count"] = "42" },
        Language = "pt",
        TimeZone = "America/Sao_Paulo",
        CreatedAt = Created,
        UpdatedAt = Created.AddDays(2),
        ClosedAt = Created.AddDays(2),
        ClosureReason = "resolved",
        Sla = new SlaState(),
    };

    private static readonly CaseEvent[] Events =
    [
        new() { CaseNumber = "SUP-000123", Sequence = 1, At = Created, Actor = "anonymous:ana.souza@acme.example", Type = "created", Data = new Dictionary<string, string> { ["subject"] = "Ana Souza cannot send SMS", ["severity"] = "2" } },
        new() { CaseNumber = "SUP-000123", Sequence = 2, At = Created.AddHours(1), Actor = "agent:ag-1", Type = "public-reply", Data = new Dictionary<string, string> { ["body"] = "Olá Ana, we fixed it." } },
        new() { CaseNumber = "SUP-000123", Sequence = 3, At = Created.AddHours(2), Actor = "system", Type = "call-received", Data = new Dictionary<string, string> { ["from"] = "+5511987654321", ["to"] = "+18663536587", ["callId"] = "CA1" } },
        new() { CaseNumber = "SUP-000123", Sequence = 4, At = Created.AddHours(3), Actor = "system", Type = "sla-met", Data = new Dictionary<string, string> { ["clock"] = "firstResponse", ["elapsed"] = "00:42:00" } },
    ];

    private static readonly CaseAttachment[] Attachments =
    [
        new() { Id = "a1", FileName = "ana-souza-export.csv", ContentType = "text/csv", Size = 10, BlobName = "cases/SUP-000123/a1/ana-souza-export.csv", UploadedBy = "contact:ct-1", AddedAt = Created },
    ];

    [Fact]
    public void The_requester_and_ccs_leave_the_case_row()
    {
        var scrubbed = PersonalDataScrubber.Scrub(Case(), Events, Attachments, Now).Case;

        Assert.Equal(PersonalDataScrubber.AnonymousEmail, scrubbed.RequesterEmail);
        Assert.Null(scrubbed.RequesterName);
        Assert.Null(scrubbed.RequesterContactId);
        Assert.Empty(scrubbed.Cc);
        Assert.Equal(Now, scrubbed.AnonymisedAt);
    }

    [Fact]
    public void Free_text_mentions_of_names_addresses_and_phone_numbers_are_redacted()
    {
        var scrubbed = PersonalDataScrubber.Scrub(Case(), Events, Attachments, Now).Case;
        var text = string.Join(" | ", scrubbed.Subject, scrubbed.Description, scrubbed.Fields["reporter"]);

        foreach (var personal in new[] { "Ana", "Souza", "ana.souza@acme.example", "bob@acme.example", "98765" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(PersonalDataScrubber.Redacted, scrubbed.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_dates_classification_and_sla_outcomes_stay()
    {
        var original = Case();
        var result = PersonalDataScrubber.Scrub(original, Events, Attachments, Now);
        var scrubbed = result.Case;

        Assert.Contains("2025-03-01", scrubbed.Subject, StringComparison.Ordinal);
        Assert.Contains("42 messages failed", scrubbed.Description, StringComparison.Ordinal);
        Assert.Equal("42", scrubbed.Fields["count"]);
        Assert.Equal((original.Number, original.Category, original.Severity, original.ClosedAt, original.ClosureReason, original.AccountId), (scrubbed.Number, scrubbed.Category, scrubbed.Severity, scrubbed.ClosedAt, scrubbed.ClosureReason, scrubbed.AccountId));
        Assert.DoesNotContain(result.ChangedEvents, e => e.Sequence == 4);
    }

    [Fact]
    public void Events_keep_their_place_in_the_trail_with_personal_details_redacted()
    {
        var changed = PersonalDataScrubber.Scrub(Case(), Events, Attachments, Now).ChangedEvents.ToDictionary(e => e.Sequence);

        Assert.Equal("anonymous:" + PersonalDataScrubber.Redacted, changed[1].Actor);
        Assert.DoesNotContain("Ana", changed[1].Data["subject"], StringComparison.Ordinal);
        Assert.Equal("2", changed[1].Data["severity"]);
        Assert.Equal("Olá [redacted], we fixed it.", changed[2].Data["body"]);
        Assert.Equal(PersonalDataScrubber.Redacted, changed[3].Data["from"]);
        Assert.Equal("CA1", changed[3].Data["callId"]);
        Assert.Equal(Created.AddHours(2), changed[3].At);
    }

    [Fact]
    public void File_names_naming_the_requester_are_redacted()
    {
        var attachment = Assert.Single(PersonalDataScrubber.Scrub(Case(), Events, Attachments, Now).ChangedAttachments);
        Assert.Equal("[redacted]-[redacted]-export.csv", attachment.FileName);
    }

    [Fact]
    public void Scrubbing_twice_changes_nothing_more()
    {
        var first = PersonalDataScrubber.Scrub(Case(), Events, Attachments, Now);
        var events = Events.Select(e => first.ChangedEvents.SingleOrDefault(c => c.Sequence == e.Sequence) ?? e).ToList();
        var second = PersonalDataScrubber.Scrub(first.Case, events, first.ChangedAttachments, Now);

        Assert.Equal(first.Case.Description, second.Case.Description);
        Assert.Empty(second.ChangedEvents);
        Assert.Empty(second.ChangedAttachments);
    }
}
