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
    public void Raw_mode_mime_is_read_like_the_parsed_fields_with_encoded_words_charsets_and_attachments()
    {
        var mime = "MIME-Version: 1.0\r\n"
            + "From: =?UTF-8?Q?Jo=C3=A3o_Souza?= <joao@acme.example>\r\n"
            + "To: support@vendor.example\r\n"
            + "Cc: Boss <boss@acme.example>\r\n"
            + "Subject: =?ISO-8859-1?Q?Re=3A_=5BCS-000042=5D_Exporta=E7=E3o?=\r\n"
            + "Message-ID: <raw-1@acme.example>\r\n"
            + "In-Reply-To: <sent-2@vendor.example>\r\n"
            + "References: <sent-1@vendor.example>\r\n <sent-2@vendor.example>\r\n"
            + "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
            + "--outer\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "N=E3o funciona.\r\n"
            + "--outer\r\nContent-Type: text/csv; name=\"log.csv\"\r\nContent-Disposition: attachment; filename=\"log.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(Utf8("a,b\n1,2\n")) + "\r\n"
            + "--outer--\r\n";
        var fields = new Dictionary<string, byte[]>
        {
            ["email"] = Utf8(mime),
            ["from"] = Utf8("=?UTF-8?Q?Jo=C3=A3o_Souza?= <joao@acme.example>"),
            ["envelope"] = Utf8("{\"to\":[\"support+CS-000042@vendor.example\"],\"from\":\"joao@acme.example\"}"),
            ["spam_score"] = Utf8("0.4"),
        };

        var (email, problem) = InboundEmailParser.Parse(fields, []);

        Assert.Null(problem);
        Assert.Equal(new MailboxAddress("joao@acme.example", "João Souza"), email!.From);
        Assert.Equal(["boss@acme.example"], email.Cc.Select(a => a.Address));
        Assert.Equal("Re: [CS-000042] Exportação", email.Subject);
        Assert.Equal("Não funciona.", email.Text!.Trim());
        Assert.Equal("raw-1@acme.example", email.MessageId);
        Assert.Equal(["sent-2@vendor.example", "sent-1@vendor.example"], email.ThreadIds);
        Assert.Equal(["support+CS-000042@vendor.example"], email.EnvelopeTo);
        Assert.Equal(0.4, email.SpamScore);
        var attachment = Assert.Single(email.Attachments);
        Assert.Equal(("attachment1", "log.csv", "text/csv"), (attachment.Part, attachment.FileName, attachment.ContentType));
        Assert.Equal("a,b\n1,2\n", Encoding.UTF8.GetString(attachment.Content.Span));
    }

    [Fact]
    public void A_raw_post_without_a_sender_in_its_mime_is_refused_with_the_reason()
    {
        var (email, problem) = InboundEmailParser.Parse(new Dictionary<string, byte[]> { ["email"] = Utf8("Subject: no sender\r\n\r\nbody\r\n") }, []);
        Assert.Null(email);
        Assert.Contains("\"from\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_only_mail_gives_its_text()
    {
        var email = new InboundEmail { From = new MailboxAddress("a@b.example", null), Html = "<html><head><style>p{}</style></head><body><p>Line one</p><p>Line &amp; two</p></body></html>" };
        Assert.Equal("Line one\nLine & two", email.Body);
    }
}
