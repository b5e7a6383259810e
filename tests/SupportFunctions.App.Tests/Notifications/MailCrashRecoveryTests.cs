using System.Net;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Notifications;

/// <summary>
/// The service SIGKILLed while SendGrid holds its request (the mail may or may not have gone): a new process sends it
/// again with the same Message-ID within a minute — its claim's lease runs out and the queue message it held comes back.
/// </summary>
public sealed class MailCrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_mail_whose_sender_was_killed_mid_send_goes_again_with_the_same_message_id_within_a_minute()
    {
        var cancel = TestTimeout.Token(180);
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var (customer, settings) = await ChildService.SeedAsync("purecloud", s => sendGrid.Configure(s));
        sendGrid.HoldNext();

        string number;
        DateTimeOffset killedAt;
        using (var killed = await ChildService.StartAsync(settings, cancel))
        {
            using var client = killed.Client(customer.Key);
            var opened = await client.PostCaseAsync(new { subject = "Routing stalls", description = "Queues route slowly", category = "technical-problem", severity = 3, fields = new { businessImpact = "Long waits" } });
            await SupportApp.Expect(opened, HttpStatusCode.Created);
            number = (await opened.JsonAsync()).GetProperty("number").GetString()!;
            await Eventually.WaitAsync(() => Task.FromResult(sendGrid.Attempts.Count), n => n > 0, TimeSpan.FromSeconds(30), "the acknowledgement to reach SendGrid");
            killed.Kill();
            killedAt = DateTimeOffset.UtcNow;
        }

        var held = sendGrid.Attempts.Single();
        Assert.Equal(0, held.Status);
        using var restarted = await ChildService.StartAsync(settings, cancel);
        var resent = await Eventually.WaitAsync(() => Task.FromResult(sendGrid.Accepted.ToList()), a => a.Count > 0, TimeSpan.FromSeconds(90), "the mail to be sent again");
        var after = sendGrid.Attempts.Single(a => a.Status == 202).At - killedAt;
        output.WriteLine($"sent again {after.TotalSeconds:F1} s after the kill");

        Assert.Equal(MessageId(held.Body), MessageId(Assert.Single(resent)));
        Assert.True(after < TimeSpan.FromSeconds(60), $"sent again {after.TotalSeconds:F1} s after the kill");
        using var admin = restarted.Client(SupportAppFactory.BootstrapKey);
        var states = await Eventually.WaitAsync(
            async () => (await (await admin.GetAsync(new Uri($"/api/admin/cases/{number}/notifications", UriKind.Relative), cancel)).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList(),
            s => s.Contains("sent"),
            TimeSpan.FromSeconds(30),
            "the intent recorded as sent");
        Assert.DoesNotContain("sending", states);
        sendGrid.Release();
    }

    private static string MessageId(JsonElement body) => body.GetProperty("headers").GetProperty("Message-ID").GetString()!;
}
