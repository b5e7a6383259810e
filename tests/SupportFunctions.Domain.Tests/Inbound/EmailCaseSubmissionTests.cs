using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class EmailCaseSubmissionTests
{
    [Fact]
    public void A_new_mail_keeps_its_people_but_not_the_sender_or_our_own_addresses_and_goes_to_the_addressed_category()
    {
        var policy = ShippedPolicies.Load("digibee");
        var email = new InboundEmail
        {
            From = new MailboxAddress("Ana@Acme.example", "Ana"),
            To = [new MailboxAddress("support@digibee.com", null)],
            Cc = [new MailboxAddress("ana@acme.example", null), new MailboxAddress("Boss@Acme.example", null), new MailboxAddress("support.escalate@digibee.com", null)],
            Subject = "   ",
            Text = "Pipeline parado.\n\nEm seg., 3 de jun. de 2024 às 10:00, Suporte <support@digibee.com> escreveu:\n> Tente de novo.",
        };

        var submission = EmailCaseSubmission.From(policy, email, []);

        Assert.Equal(["boss@acme.example"], submission.Cc);
        Assert.Equal("(no subject)", submission.Subject);
        Assert.Equal("Pipeline parado.", submission.Description);
        Assert.Equal(policy.InboundEmail!.DefaultCategory, submission.Category);
    }

    [Fact]
    public void A_long_subject_is_cut_to_the_policy_length()
    {
        var policy = ShippedPolicies.Load("digibee");
        var email = new InboundEmail { From = new MailboxAddress("a@acme.example", null), Subject = new string('x', policy.Intake.MaxSubjectLength + 50), Text = "x" };

        Assert.Equal(policy.Intake.MaxSubjectLength, EmailCaseSubmission.From(policy, email, []).Subject!.Length);
    }
}
