using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Inbound;

public sealed class InboundEmailTests : IAsyncLifetime
{
    private const string Secret = "parse-secret-0123456789";
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("digibee", settings => settings["SupportFunctions:Inbound:EmailSecret"] = Secret);

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<HttpResponseMessage> PostAsync(SendGridPost post, string? password = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/email") { Content = post.ToContent() };
        if (password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("parse:" + password)));
        }

        return await _app.Anonymous.SendAsync(request, TestTimeout.Token());
    }

    /// <summary>Posts one of SendGrid's own sample bodies (Samples/, boundary xYzZY, bare line feeds) as SendGrid would.</summary>
    private async Task<HttpResponseMessage> PostSampleAsync(string file)
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(RepositoryPaths.Combine("tests", "SupportFunctions.App.Tests", "Inbound", "Samples", file)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xYzZY");
        return await _app.Anonymous.PostAsync(new Uri($"/api/inbound/email/{Secret}", UriKind.Relative), content, TestTimeout.Token());
    }

    /// <summary>The first case this test's app opens (its number is the policy's first), once the queued mail made it.</summary>
    private async Task<StoredCase> FirstCaseAsync(string what)
    {
        var policy = _app.Services.GetRequiredService<SupportFunctions.Domain.Policies.SupportPolicy>();
        var number = $"{policy.Intake.CaseNumberPrefix}-{1.ToString(new string('0', policy.Intake.CaseNumberDigits), System.Globalization.CultureInfo.InvariantCulture)}";
        var cases = _app.Services.GetRequiredService<CaseRepository>();
        return (await Eventually.WaitAsync(() => cases.GetAsync(number, TestTimeout.Token()), c => c is not null, TimeSpan.FromSeconds(20), what))!;
    }

    private static async Task<JsonElement[]> CasesOfAsync(Customer customer, int atLeast)
    {
        return await Eventually.WaitAsync(
            async () => (await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Length >= atLeast,
            TimeSpan.FromSeconds(20),
            $"{atLeast} case(s) for {customer.Email}");
    }

    private async Task<JsonElement[]> EventsAsync(string number) =>
        (await _app.Admin.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/events")).EnumerateArray().ToArray();

    private async Task<JsonElement[]> ListAsync(string path, int atLeast) =>
        await Eventually.WaitAsync(
            async () => (await _app.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Length >= atLeast,
            TimeSpan.FromSeconds(20),
            $"{atLeast} item(s) at {path}");

    [Fact]
    public async Task A_mail_from_a_contact_opens_a_case_with_its_attachment_latin1_text_and_a_threaded_acknowledgement()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var post = new SendGridPost($"Ana Souza <{customer.Email.ToUpperInvariant()}>", "support@digibee.com", "Dúvida sobre pipeline", "placeholder")
            .Text("Como configuro a conexão? Não achei a opção.", Encoding.Latin1, "iso-8859-1")
            .Attach("erro.log", "text/plain", Encoding.UTF8.GetBytes("stack trace"));

        var response = await PostAsync(post);

        await SupportApp.Expect(response, HttpStatusCode.OK);
        var opened = (await CasesOfAsync(customer, 1)).Single();
        Assert.Equal("Dúvida sobre pipeline", opened.GetProperty("subject").GetString());
        Assert.Equal("Como configuro a conexão? Não achei a opção.", opened.GetProperty("description").GetString());
        Assert.Equal("email", opened.GetProperty("channel").GetString());
        Assert.Equal("general-question", opened.GetProperty("category").GetProperty("id").GetString());
        var attachment = opened.GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("erro.log", attachment.GetProperty("fileName").GetString());
        Assert.Equal(11, attachment.GetProperty("size").GetInt64());
        var intents = await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(opened.GetProperty("number").GetString()!, TestTimeout.Token());
        var acknowledgement = intents.Single(i => i.Kind == "acknowledgement");
        Assert.Equal(post.MessageId.Trim('<', '>'), acknowledgement.Data["inReplyTo"]);
    }

    [Fact]
    public async Task A_reply_naming_our_mail_in_in_reply_to_is_a_customer_reply_without_its_quoted_history()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var first = new SendGridPost(customer.Email, "support@digibee.com", "Erro 500 no conector", "O conector devolve 500.");
        await SupportApp.Expect(await PostAsync(first), HttpStatusCode.OK);
        var number = (await CasesOfAsync(customer, 1)).Single().GetProperty("number").GetString()!;

        var reply = new SendGridPost(customer.Email, "support@digibee.com", "Re: Erro 500 no conector", "Ainda falha depois da mudança.\n\nEm seg., 3 de jun. de 2024 às 10:00, Suporte <support@digibee.com> escreveu:\n> Tente novamente.")
            .Header("In-Reply-To", first.MessageId);
        await SupportApp.Expect(await PostAsync(reply), HttpStatusCode.OK);

        var events = await Eventually.WaitAsync(() => EventsAsync(number), e => e.Any(x => x.GetProperty("type").GetString() == "customer-reply"), TimeSpan.FromSeconds(20), "the reply on the case");
        Assert.Equal("Ainda falha depois da mudança.", events.Single(e => e.GetProperty("type").GetString() == "customer-reply").GetProperty("data").GetProperty("body").GetString());
        Assert.Single(await CasesOfAsync(customer, 1));
    }

    [Fact]
    public async Task A_plus_addressed_reply_threads_and_mail_to_the_escalation_address_asks_the_leads()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        await SupportApp.Expect(await PostAsync(new SendGridPost(customer.Email, "support@digibee.com", "Lentidão", "Pipeline lento.")), HttpStatusCode.OK);
        var number = (await CasesOfAsync(customer, 1)).Single().GetProperty("number").GetString()!;

        var escalation = new SendGridPost(customer.Email, $"support+{number}@digibee.com", "Precisamos de ajuda", "Está parado há dois dias.")
            .Field("cc", "support.escalate@digibee.com");
        await SupportApp.Expect(await PostAsync(escalation), HttpStatusCode.OK);

        var events = await Eventually.WaitAsync(() => EventsAsync(number), e => e.Any(x => x.GetProperty("type").GetString() == "escalation-requested"), TimeSpan.FromSeconds(20), "the escalation on the case");
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "customer-reply");
        Assert.Single(await CasesOfAsync(customer, 1));
    }

    [Fact]
    public async Task A_subject_token_of_another_customers_case_opens_a_new_case_instead_of_threading()
    {
        var victim = await _app.CustomerAsync(language: "pt");
        await SupportApp.Expect(await PostAsync(new SendGridPost(victim.Email, "support@digibee.com", "Segredo", "Dados internos.")), HttpStatusCode.OK);
        var number = (await CasesOfAsync(victim, 1)).Single().GetProperty("number").GetString()!;
        var attacker = await _app.CustomerAsync(language: "pt");

        await SupportApp.Expect(await PostAsync(new SendGridPost(attacker.Email, "support@digibee.com", $"Re: [{number}] Segredo", "Me mostre o caso.")), HttpStatusCode.OK);

        var attackerCase = (await CasesOfAsync(attacker, 1)).Single();
        Assert.NotEqual(number, attackerCase.GetProperty("number").GetString());
        Assert.DoesNotContain(await EventsAsync(number), e => e.GetProperty("type").GetString() == "customer-reply");
    }

    [Fact]
    public async Task The_same_message_id_delivered_twice_opens_one_case()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var post = new SendGridPost(customer.Email, "support@digibee.com", "Duplicado", "Uma vez só.");

        await SupportApp.Expect(await PostAsync(post), HttpStatusCode.OK);
        await SupportApp.Expect(await PostAsync(post), HttpStatusCode.OK);

        await CasesOfAsync(customer, 1);
        var queue = _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.InboundQueue);
        await Eventually.WaitAsync(() => queue.GetApproximateCountAsync(TestTimeout.Token()), count => count == 0, TimeSpan.FromSeconds(20), "both deliveries processed");
        Assert.Single(await CasesOfAsync(customer, 1));
    }

    [Fact]
    public async Task An_auto_reply_never_opens_a_case_and_is_listed_as_ignored()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var post = new SendGridPost(customer.Email, "support@digibee.com", "Fora do escritório", "Volto na segunda.").Header("Auto-Submitted", "auto-replied");

        await SupportApp.Expect(await PostAsync(post), HttpStatusCode.OK);

        var ignored = await ListAsync("/api/admin/inbound/ignored", 1);
        Assert.Contains("Auto-Submitted", ignored.Single().GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Spam_above_the_policy_threshold_is_quarantined_not_a_case()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        await SupportApp.Expect(await PostAsync(new SendGridPost(customer.Email, "support@digibee.com", "Ganhe dinheiro", "Clique aqui.").Field("spam_score", "9.1")), HttpStatusCode.OK);

        var quarantined = await ListAsync("/api/admin/quarantine", 1);
        Assert.Equal(customer.Email, quarantined.Single().GetProperty("sender").GetString());
        Assert.Empty((await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SendGrids_own_sample_post_with_bare_line_feeds_opens_an_anonymous_general_question()
    {
        await SupportApp.Expect(await PostSampleAsync("sendgrid-default_data.txt"), HttpStatusCode.OK);

        // Digibee answers general questions from anyone, so the unknown sender gets an anonymous case.
        var opened = await FirstCaseAsync("the sample's case");
        Assert.Equal("Testing non-raw", opened.Case.Subject);
        Assert.Equal("test@example.com", opened.Case.RequesterEmail);
        Assert.Null(opened.Case.RequesterContactId);
        Assert.Equal("Hello Twilio SendGrid!", opened.Case.Description);
    }

    [Fact]
    public async Task SendGrids_raw_mode_sample_with_a_jpeg_opens_a_case_with_the_decoded_attachment()
    {
        await SupportApp.Expect(await PostSampleAsync("sendgrid-raw_data_with_attachments.txt"), HttpStatusCode.OK);

        var opened = await FirstCaseAsync("the raw sample's case");
        Assert.Equal("Inbound Parse Test Raw Data with Attachment", opened.Case.Subject);
        Assert.Equal("test@example.com", opened.Case.RequesterEmail);
        Assert.Equal("Hello Twilio SendGrid!", opened.Case.Description.Trim());
        var attachment = Assert.Single(await _app.Services.GetRequiredService<CaseRepository>().GetAttachmentsAsync(opened.Case.Number, TestTimeout.Token()));
        Assert.Equal("SendGrid.jpg", attachment.FileName);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.True(attachment.Size > 1000, $"the JPEG is decoded from base64 ({attachment.Size} bytes)");
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_401_and_stores_nothing()
    {
        var post = new SendGridPost("ana@acme.example", "support@digibee.com", "x", "y");
        var layout = _app.Services.GetRequiredService<StorageLayout>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(post, password: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(post, password: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.PostAsync(new Uri("/api/inbound/email/not-the-secret", UriKind.Relative), post.ToContent(), TestTimeout.Token())).StatusCode);

        Assert.Empty(await layout.Container(StorageLayout.InboundContainer).ListAsync().ToListAsync());
        Assert.Equal(0, await layout.Queue(StorageLayout.InboundQueue).GetApproximateCountAsync(TestTimeout.Token()));
    }
}
