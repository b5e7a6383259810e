using System.Net;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Cases;

public sealed class PureCloudScenarioTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("purecloud");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_sev1_over_the_web_is_refused_pointing_at_the_phone_lines_and_nothing_is_written()
    {
        var designated = await _app.CustomerAsync(designated: true);
        var before = await _app.SnapshotAsync();

        var response = await designated.Client.PostCaseAsync(new { subject = "Total outage", description = "No calls at all", category = "technical-problem", severity = 1, fields = new { businessImpact = "Contact center down" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("+1-866-353-6587", (await response.JsonAsync()).ErrorsFor("severity").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task A_portuguese_reader_gets_the_refusal_of_a_missing_field_in_portuguese_and_an_english_one_in_english()
    {
        var portuguese = await _app.CustomerAsync(designated: true, language: "pt");
        var english = await _app.CustomerAsync(designated: true, language: "en");
        object Incomplete() => new { subject = "Slow reports", description = "Reports take minutes", category = "technical-problem", severity = 3 };

        var pt = await (await portuguese.Client.PostCaseAsync(Incomplete())).JsonAsync();
        var en = await (await english.Client.PostCaseAsync(Incomplete())).JsonAsync();

        // The field's label is the vendor's own (the policy is written in Spanish); every word the engine adds is the reader's.
        Assert.Equal("Impacto en su negocio é obrigatório", pt.ErrorsFor("fields.businessImpact").Single());
        Assert.Equal("1 campo(s) precisam de atenção: fields.businessImpact.", pt.GetProperty("detail").GetString());
        Assert.Equal("Impacto en su negocio is required", en.ErrorsFor("fields.businessImpact").Single());
        Assert.Equal("1 field(s) need attention: fields.businessImpact.", en.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_non_designated_contact_is_refused_with_the_reason()
    {
        var ordinary = await _app.CustomerAsync(designated: false);

        var response = await ordinary.Client.PostCaseAsync(new { subject = "Slow reports", description = "Reports take minutes", category = "technical-problem", severity = 3, fields = new { businessImpact = "Supervisors wait" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("contactos designados", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_designated_contact_opens_a_sev2_over_the_web()
    {
        var designated = await _app.CustomerAsync(designated: true);
        var response = await designated.Client.PostCaseAsync(new { subject = "Degraded routing", description = "Queues route slowly", category = "technical-problem", severity = 2, fields = new { businessImpact = "Long waits", conversationId = "c-1" } });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal(2, view.GetProperty("severity").GetProperty("level").GetInt32());
        Assert.Equal("Impacto alto", view.GetProperty("severity").GetProperty("name").GetString());
        Assert.Matches("^PC-[0-9]{6}$", view.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Two_conversation_ids_in_one_case_are_refused()
    {
        var designated = await _app.CustomerAsync(designated: true);
        var response = await designated.Client.PostCaseAsync(new { subject = "Drops", description = "Calls drop", category = "technical-problem", severity = 3, fields = new { businessImpact = "Some", conversationId = "c-1 c-2" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("abra un caso aparte", (await response.JsonAsync()).ErrorsFor("fields.conversationId").Single(), StringComparison.Ordinal);
    }
}
