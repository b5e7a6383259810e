using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class CallCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static readonly Contact Caller = new() { Id = "c1", AccountId = "a1", Name = "Luis", Email = "luis@acme.example", MaySendNotifications = true };

    private static readonly VoiceCall Call = new() { CallId = "CA1", Provider = "twilio", From = "+15551230001", To = "+18663536587", Request = OperatorRequestCheck.SendNotification, RequestMessage = "Evacuate B" };

    private static CaseChangeBuilder Change() => new(new SupportCase
    {
        Number = "PC-000001", Subject = "s", Description = "d", Category = "technical-problem", Team = "support", Channel = "phone", Status = CaseStatus.Open, Severity = 2,
        RequesterEmail = "luis@acme.example", Language = "es", TimeZone = "UTC", CreatedAt = Now, UpdatedAt = Now, Version = 1,
    }, Now, "phone:+15551230001");

    [Fact]
    public void A_permitted_operator_request_pages_on_call_with_the_message()
    {
        var change = CallCase.OperatorRequest(Change(), Call, Caller, verified: true);

        Assert.Equal("operator-request", Assert.Single(change.Events).Type);
        var page = Assert.Single(change.Intents);
        Assert.Equal(["oncall:support"], page.Recipients);
        Assert.Equal("Evacuate B", page.Data["message"]);
    }

    [Fact]
    public void A_refused_operator_request_tells_the_customer_why_and_pages_nobody()
    {
        var change = CallCase.OperatorRequest(Change(), Call, Caller with { SsoOnly = true }, verified: true);

        Assert.Equal("operator-request-refused", Assert.Single(change.Events).Type);
        var notice = Assert.Single(change.Intents);
        Assert.Equal(["luis@acme.example"], notice.Recipients);
        Assert.Contains("break-glass", notice.Data["reason"], StringComparison.Ordinal);
    }
}
