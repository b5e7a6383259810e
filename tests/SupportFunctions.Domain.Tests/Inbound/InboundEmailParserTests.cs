using System.Text;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.Domain.Tests.Inbound;

public sealed class InboundEmailParserTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Fields_are_read_with_the_charset_sendgrid_names_and_threading_headers_in_order()
    {
        var fields = new Dictionary<string, byte[]>
        {
            ["from"] = Utf8("\"Souza, Ana\" <Ana.Souza+tickets@Acme.example>"),
            ["to"] = Utf8("support@vendor.example, Other <other@vendor.example>"),
            ["cc"] = Utf8("boss@acme.example"),
            ["subject"] = Utf8("Re: [CS-000042] Exportação falhou"),
            ["text"] = Encoding.Latin1.GetBytes("Não funciona: ação já feita."),
            ["charsets"] = Utf8("{\"to\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"iso-8859-1\"}"),
            ["headers"] = Utf8("Message-ID: <reply-1@acme.example>\nIn-Reply-To: <sent-2@vendor.example>\nReferences: <sent-1@vendor.example>\n <sent-2@vendor.example>\nSubject: x"),
            ["envelope"] = Utf8("{\"to\":[\"support+CS-000042@vendor.example\"],\"from\":\"bounce@acme.example\"}"),
            ["spam_score"] = Utf8("2.597"),
            ["attachment-info"] = Utf8("{\"attachment1\":{\"filename\":\"log é.txt\",\"type\":\"text/plain\"}}"),
        };
        var files = new[] { new InboundAttachment("attachment1", "attachment1", "application/octet-stream", Utf8("log")) };

        var (email, problem) = InboundEmailParser.Parse(fields, files);

        Assert.Null(problem);
        Assert.Equal("Ana.Souza+tickets@Acme.example", email!.From.Address);
        Assert.Equal("Souza, Ana", email.From.Name);
        Assert.Equal(["support@vendor.example", "other@vendor.example"], email.To.Select(a => a.Address));
        Assert.Equal("Não funciona: ação já feita.", email.Text);
        Assert.Equal("reply-1@acme.example", email.MessageId);
        Assert.Equal(["sent-2@vendor.example", "sent-1@vendor.example"], email.ThreadIds);
        Assert.Equal(["support+CS-000042@vendor.example"], email.EnvelopeTo);
        Assert.Equal(2.597, email.SpamScore);
        Assert.Equal("log é.txt", email.Attachments[0].FileName);
        Assert.Equal("text/plain", email.Attachments[0].ContentType);
    }

    [Fact]
    public void Raw_mode_posts_are_refused_with_the_setting_to_change()
    {
        var (email, problem) = InboundEmailParser.Parse(new Dictionary<string, byte[]> { ["email"] = Utf8("MIME..."), ["from"] = Utf8("a@b.example") }, []);
        Assert.Null(email);
        Assert.Contains("Send Raw", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_only_mail_gives_its_text()
    {
        var email = new InboundEmail { From = new MailboxAddress("a@b.example", null), Html = "<html><head><style>p{}</style></head><body><p>Line one</p><p>Line &amp; two</p></body></html>" };
        Assert.Equal("Line one\nLine & two", email.Body);
    }
}
