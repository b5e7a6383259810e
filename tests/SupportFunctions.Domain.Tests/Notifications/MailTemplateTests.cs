using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Notifications;

namespace SupportFunctions.Domain.Tests.Notifications;

public sealed class MailTemplateTests
{
    private static readonly Dictionary<string, string> Values = new() { ["number"] = "CS-000123", ["subject"] = "Login <b>fails</b> & more", ["body"] = "Try <script>x()</script>", ["severity"] = "2", ["team"] = "Support" };

    [Fact]
    public void Every_notification_kind_has_english_spanish_and_portuguese()
    {
        foreach (var kind in NotificationKinds.All)
        {
            Assert.Equal(["en", "es", "pt"], MailTemplateCatalog.Default.LanguagesOf(kind).Order(StringComparer.Ordinal));
        }

        Assert.Empty(MailTemplateCatalog.Default.Kinds.Except(NotificationKinds.All));
    }

    [Theory]
    [InlineData("pt-BR", "pt")]
    [InlineData("es-MX", "es")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void A_language_falls_back_to_its_base_then_english(string? asked, string used) =>
        Assert.Equal(used, MailTemplateCatalog.Default.Find(NotificationKinds.AgentReply, asked)!.Value.Language);

    [Fact]
    public void A_missing_translation_falls_back_to_english_never_to_nothing()
    {
        var catalog = new MailTemplateCatalog(new Dictionary<string, IReadOnlyDictionary<string, MailTemplate>>
        {
            ["agent-reply"] = new Dictionary<string, MailTemplate> { ["en"] = new("Reply on {number}", "Hello,\n\n{body}") },
        });

        var mail = MailRenderer.Render(catalog, "agent-reply", "es", "CS-000123", Values);

        Assert.Equal("en", mail.Language);
        Assert.Contains("Try <script>x()</script>", mail.Text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MailTemplateCatalog(new Dictionary<string, IReadOnlyDictionary<string, MailTemplate>> { ["x"] = new Dictionary<string, MailTemplate> { ["es"] = new("a", "b") } }));
    }

    [Fact]
    public void User_content_is_encoded_in_html_and_the_subject_carries_the_case_token()
    {
        var mail = MailRenderer.Render(MailTemplateCatalog.Default, NotificationKinds.AgentReply, "es", "CS-000123", Values);

        Assert.Equal("[CS-000123] Nueva respuesta en su caso: Login <b>fails</b> & more", mail.Subject);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Try &lt;script&gt;x()&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&amp; more", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"es\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_without_a_value_render_empty_and_leave_no_blank_run()
    {
        var mail = MailRenderer.Render(MailTemplateCatalog.Default, NotificationKinds.CaseClosed, "en", "CS-000123", Values);

        Assert.DoesNotContain("{", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_inside_user_content_is_not_expanded()
    {
        var values = new Dictionary<string, string>(Values) { ["body"] = "my text says {number}" };

        var mail = MailRenderer.Render(MailTemplateCatalog.Default, NotificationKinds.AgentReply, "en", "CS-000123", values);

        Assert.Contains("my text says {number}", mail.Text, StringComparison.Ordinal);
    }
}
