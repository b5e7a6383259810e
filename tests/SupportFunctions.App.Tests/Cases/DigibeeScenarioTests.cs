using System.Net;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Cases;

public sealed class DigibeeScenarioTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("digibee");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task An_incident_missing_pipeline_key_error_timestamp_and_previous_analysis_gets_one_422_naming_all_three_and_writes_nothing()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var before = await _app.SnapshotAsync();

        var response = await customer.Client.PostCaseAsync(new
        {
            subject = "Pipeline falhando",
            description = "O pipeline de pedidos parou",
            category = "incident",
            environment = "PROD",
            fields = new { pipelineName = "orders-sync", errorMessage = "Timeout", expectedBehavior = "Processar pedidos" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(["fields.errorTimestamp", "fields.pipelineKey", "fields.previousAnalysis"], problem.ErrorFields().Order());
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task A_complete_production_outage_without_workaround_is_P1()
    {
        var customer = await _app.CustomerAsync(language: "pt");

        var response = await customer.Client.PostCaseAsync(new
        {
            subject = "Ambiente indisponível",
            description = "Nenhum pipeline executa",
            category = "incident",
            environment = "prod",
            unavailability = "total",
            workaround = false,
            fields = new { pipelineName = "orders-sync", pipelineKey = "pk-1", errorMessage = "503", errorTimestamp = "2026-11-20T10:00:00Z", expectedBehavior = "Executar", previousAnalysis = "Logs anexados" },
        });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal("P1", view.GetProperty("priority").GetString());
        Assert.Equal("PROD", view.GetProperty("environment").GetString());
        Assert.Equal("pk-1", view.GetProperty("fields").GetProperty("pipelineKey").GetString());
    }

    [Fact]
    public async Task An_anonymous_requester_may_ask_a_general_question_and_never_sees_account_data()
    {
        var response = await _app.Anonymous.PostCaseAsync(
            new { subject = "Como funciona o conector REST?", description = "Dúvida geral", category = "general-question", requester = new { email = "visitante@example.org", name = "Visitante" } },
            path: "/api/public/cases");

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("account").ValueKind);
        Assert.Equal("visitante@example.org", view.GetProperty("requester").GetProperty("email").GetString());
    }

    [Fact]
    public async Task An_anonymous_requester_cannot_open_an_incident_and_nothing_is_written()
    {
        var before = await _app.SnapshotAsync();

        var response = await _app.Anonymous.PostCaseAsync(
            new
            {
                subject = "Pipeline parado",
                description = "Erro",
                category = "incident",
                environment = "PROD",
                requester = new { email = "visitante@example.org" },
                fields = new { pipelineName = "p", pipelineKey = "k", errorMessage = "e", errorTimestamp = "2026-11-20T10:00:00Z", expectedBehavior = "x", previousAnalysis = "y" },
            },
            path: "/api/public/cases");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("general-question", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task Before_login_only_a_contact_of_an_account_with_an_active_contract_may_report_an_authentication_problem()
    {
        var active = await _app.CustomerAsync(language: "pt");
        var lapsed = await _app.CustomerAsync(contract: "expired", language: "pt");
        object Problem(string email) => new { subject = "Não consigo entrar", description = "O login falha com SSO", category = "authentication-problem", requester = new { email } };
        var before = await _app.SnapshotAsync();

        var unknown = await _app.Anonymous.PostCaseAsync(Problem("visitante@example.org"), path: "/api/public/cases");
        var expired = await _app.Anonymous.PostCaseAsync(Problem(lapsed.Email), path: "/api/public/cases");

        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var detail = (await unknown.JsonAsync()).GetProperty("detail").GetString();
        Assert.Equal(detail, (await expired.JsonAsync()).GetProperty("detail").GetString());
        Assert.Contains("abra: general-question.", detail, StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());

        var accepted = await _app.Anonymous.PostCaseAsync(Problem(active.Email), path: "/api/public/cases");
        await SupportApp.Expect(accepted, HttpStatusCode.Created);
        var view = await accepted.JsonAsync();
        Assert.Equal("authentication-problem", view.GetProperty("category").GetProperty("id").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("account").ValueKind);
    }

    [Fact]
    public async Task A_customer_without_contract_sees_no_account_data_in_their_general_question()
    {
        var customer = await _app.CustomerAsync(contract: "none", language: "pt");

        var question = await customer.Client.PostCaseAsync(new { subject = "Dúvida", description = "Como usar o JOLT?", category = "general-question" });
        await SupportApp.Expect(question, HttpStatusCode.Created);
        var number = (await question.JsonAsync()).GetProperty("number").GetString();
        var read = await (await customer.Client.GetAsync($"/api/cases/{number}")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("account").ValueKind);

        var development = await customer.Client.PostCaseAsync(new { subject = "Dúvida", description = "x", category = "development-question", environment = "TEST", fields = new { integrationLogic = "sync", pipelineName = "p" } });
        Assert.Equal(HttpStatusCode.Forbidden, development.StatusCode);
    }
}
