using System.Net;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Cases;

public sealed class MitelScenarioTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("mitel-cloudlink");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_customer_problem_report_goes_to_the_partner_support_contacts_with_the_notice()
    {
        var customer = await _app.CustomerAsync(roles: ["User"]);

        var response = await customer.Client.PostCaseAsync(new { subject = "CloudLink chat down", description = "The chat app does not load", category = "cloudlink-app-problem", fields = new { application = "CloudLink Chat" } });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal("partner-support-contacts", view.GetProperty("team").GetProperty("id").GetString());
        Assert.Contains(view.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString()!.Contains("Mitel no se comunicará", StringComparison.Ordinal));
    }
}
