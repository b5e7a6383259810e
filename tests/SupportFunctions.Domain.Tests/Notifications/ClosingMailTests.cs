using System.Text.RegularExpressions;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Notifications;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Tests.Cases;

namespace SupportFunctions.Domain.Tests.Notifications;

/// <summary>
/// Every mail around closing — each close reason, the customer-change request, its reminder and its auto-close — rendered
/// in each language as the composer renders it: in the reader's language, no enum name, no machine timestamp, nothing
/// left unfilled, and a customer-change request that never says "closed".
/// </summary>
public sealed partial class ClosingMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, ClosureReason> ReasonsByLanguage()
    {
        var data = new TheoryData<string, ClosureReason>();
        foreach (var language in new[] { "en", "es", "pt" })
        {
            foreach (var reason in Enum.GetValues<ClosureReason>())
            {
                data.Add(language, reason);
            }
        }

        return data;
    }

    private static SupportCase Open(string language) => new()
    {
        Number = "CS-000042", Subject = "SSO login fails", Description = "d", Category = "general-question", Status = CaseStatus.Open, Severity = 3, Team = "support",
        Channel = "web", RequesterEmail = "ana@acme.example", Language = language, TimeZone = "America/Sao_Paulo", CreatedAt = Now.AddDays(-1), UpdatedAt = Now.AddDays(-1),
    };

    private static RenderedMail Render(NotificationIntent intent)
    {
        var values = new Dictionary<string, string>(intent.Data) { ["number"] = intent.CaseNumber, ["subject"] = "SSO login fails" };
        CustomerTexts.Humanize(intent.Kind, values, intent.Language, "America/Sao_Paulo");
        return MailRenderer.Render(MailTemplateCatalog.Default, intent.Kind, intent.Language, intent.CaseNumber, values);
    }

    private static void AssertReadable(RenderedMail mail, string language)
    {
        Assert.Equal(language, mail.Language);
        var all = mail.Subject + "\n" + mail.Text;
        foreach (var machine in new[] { "customerChange", "CustomerChange", "thirdParty", "ThirdParty", "PendingCustomer", "customer-change", "Resolved", "Enhancement" })
        {
            Assert.DoesNotContain(machine, all, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(IsoTimestamp(), all);
        Assert.DoesNotMatch(Placeholder(), all);
    }

    [Theory]
    [MemberData(nameof(ReasonsByLanguage))]
    public void Closing_for_each_reason_reads_in_the_customers_language_without_enum_names(string language, ClosureReason reason)
    {
        var change = CaseClosing.Close(new CaseChangeBuilder(Open(language), Now, "agent:sam"), ShippedPolicies.Everbridge, reason, "Ask your administrator to enable SSO for the group", "DEF-7", null, "Okta");

        var intent = Assert.Single(change.Intents);
        var mail = Render(intent);

        AssertReadable(mail, language);
        if (reason == ClosureReason.CustomerChange)
        {
            Assert.Equal(NotificationKinds.CustomerChangeRequested, intent.Kind);
            Assert.DoesNotMatch(ClosedWord(), mail.Subject + mail.Text);
            Assert.Contains("Ask your administrator to enable SSO for the group", mail.Text, StringComparison.Ordinal);
            // The wait ends 7 days later, said in the case's zone (São Paulo, UTC−3): 14 December 2026, 12:00.
            Assert.Contains("2026", mail.Text, StringComparison.Ordinal);
            Assert.Contains("12:00 (America/Sao_Paulo)", mail.Text, StringComparison.Ordinal);
            Assert.Contains("14", mail.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(NotificationKinds.CaseClosed, intent.Kind);
            Assert.Contains(CustomerTexts.ClosureReason(PolicyJson.EnumValue(reason), language), mail.Text, StringComparison.Ordinal);
            if (change.Case.ClosureNotice is { } notice)
            {
                Assert.Contains(notice, mail.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("en", "Unless you reply")]
    [InlineData("es", "Si no responde")]
    [InlineData("pt", "Sem resposta")]
    public void The_reminder_and_the_auto_close_say_the_change_asked_for_in_the_customers_language(string language, string unlessReply)
    {
        var waiting = CaseClosing.Close(new CaseChangeBuilder(Open(language), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.CustomerChange, "Renew the SAML certificate", null, null, null).Case;

        var reminding = new CaseChangeBuilder(waiting, Now.AddDays(5), "system");
        Assert.True(CaseClosing.RemindOfWait(reminding, ShippedPolicies.Everbridge, Now));
        var reminder = Render(Assert.Single(reminding.Intents));
        AssertReadable(reminder, language);
        Assert.Contains("Renew the SAML certificate", reminder.Text, StringComparison.Ordinal);
        Assert.Contains(unlessReply, reminder.Text, StringComparison.Ordinal);
        Assert.Contains("12:00 (America/Sao_Paulo)", reminder.Text, StringComparison.Ordinal);

        var closing = new CaseChangeBuilder(reminding.Case, Now.AddDays(7), "system");
        Assert.True(CaseClosing.CloseAfterWait(closing, ShippedPolicies.Everbridge, Now));
        var closed = Render(Assert.Single(closing.Intents));
        AssertReadable(closed, language);
        Assert.Contains("Renew the SAML certificate", closed.Text, StringComparison.Ordinal);
        Assert.Equal("customerChangeTimeout", closing.Case.ClosureReason);
        Assert.Null(closing.Case.AwaitingCustomerChange);
        Assert.Equal(CustomerTexts.Text("closure-notice.customerChangeTimeout", language), closing.Case.ClosureNotice);
        var reopenOffers = Regex.Count(closed.Text, language == "en" ? "reopen" : "reabr");
        Assert.Equal(1, reopenOffers);
    }

    [Fact]
    public void Every_customer_text_has_english_spanish_and_portuguese_and_every_reason_has_words()
    {
        foreach (var key in CustomerTexts.Keys)
        {
            Assert.Equal(["en", "es", "pt"], CustomerTexts.LanguagesOf(key).Order(StringComparer.Ordinal));
        }

        foreach (var reason in Enum.GetValues<ClosureReason>().Select(PolicyJson.EnumValue).Append(CaseClosing.CustomerChangeTimeout))
        {
            Assert.NotEqual(reason, CustomerTexts.ClosureReason(reason, "pt"));
        }
    }

    [Theory]
    [InlineData("en", "Monday, December 14, 2026 at 12:00 (America/Sao_Paulo)")]
    [InlineData("es", "lunes, 14 de diciembre de 2026 a las 12:00 (America/Sao_Paulo)")]
    [InlineData("pt", "segunda-feira, 14 de dezembro de 2026 às 12:00 (America/Sao_Paulo)")]
    public void A_date_is_written_for_people_in_the_readers_zone_and_language(string language, string expected) =>
        Assert.Equal(expected, CustomerTexts.DateTime(Now.AddDays(7), "America/Sao_Paulo", language));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?i)\b(was closed|fue cerrado|se cerró|foi encerrado)\b")]
    private static partial Regex ClosedWord();
}
