using SupportFunctions.Domain.Inbound;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class MailLoopGuardTests
{
    private static readonly InboundEmailRules Rules = new() { SupportAddress = "support@vendor.example", DefaultCategory = "general", OwnDomains = ["mail.vendor.example"] };

    private static InboundEmail Mail(string from = "ana@acme.example", string headers = "Subject: hi", string? envelopeFrom = "ana@acme.example") => new()
    {
        From = new MailboxAddress(from, null),
        Headers = MailHeaders.Parse(headers),
        EnvelopeFrom = envelopeFrom,
    };

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("X-Autorespond: vacation")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: junk")]
    [InlineData("Precedence: auto_reply")]
    public void Automated_mail_headers_are_recognised(string header)
    {
        Assert.NotNull(MailLoopGuard.Reason(Mail(headers: "Subject: Out of office\n" + header), Rules));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@relay.example")]
    [InlineData("postmaster@acme.example")]
    [InlineData("no-reply@acme.example")]
    [InlineData("noreply@acme.example")]
    [InlineData("alerts@vendor.example")]
    [InlineData("robot@mail.vendor.example")]
    public void Robot_senders_and_our_own_domains_are_recognised(string from)
    {
        Assert.NotNull(MailLoopGuard.Reason(Mail(from), Rules));
    }

    [Fact]
    public void A_bounce_with_an_empty_envelope_sender_is_recognised()
    {
        Assert.NotNull(MailLoopGuard.Reason(Mail(envelopeFrom: ""), Rules));
    }

    [Fact]
    public void Mail_a_person_wrote_passes_even_with_auto_submitted_no()
    {
        Assert.Null(MailLoopGuard.Reason(Mail(headers: "Auto-Submitted: no\nPrecedence: normal"), Rules));
    }
}
