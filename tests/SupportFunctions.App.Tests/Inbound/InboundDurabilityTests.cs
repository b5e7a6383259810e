using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Standalone.Queues;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Inbound;

public sealed class InboundDurabilityTests
{
    private const string Secret = "parse-secret-0123456789";

    private static HttpRequestMessage Post(SendGridPost post) => new(HttpMethod.Post, $"/api/inbound/email/{Secret}") { Content = post.ToContent() };

    [Fact]
    public async Task With_the_queue_unreachable_a_mail_is_503_with_retry_after_and_no_stored_copy_is_left()
    {
        var queueDown = Azurite.With(queue: new Uri("http://127.0.0.1:1/devstoreaccount1"));
        var settings = SupportAppFactory.Settings("digibee", queueDown);
        settings["SupportFunctions:Inbound:EmailSecret"] = Secret;
        await using var factory = new SupportAppFactory(settings);
        var layout = factory.Services.GetRequiredService<StorageLayout>();
        var container = layout.Container(StorageLayout.InboundContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: TestTimeout.Token());
        try
        {
            using var request = Post(new SendGridPost("ana@acme.example", "support@digibee.com", "x", "y"));
            var response = await factory.CreateClient().SendAsync(request, TestTimeout.Token());

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Empty(await container.ListAsync(cancellationToken: TestTimeout.Token()).ToListAsync());
        }
        finally
        {
            await container.DeleteAsync(cancellationToken: TestTimeout.Token());
            foreach (var table in StorageLayout.TableNames)
            {
                await layout.Table(table).DeleteAsync(TestTimeout.Token());
            }
        }
    }

    [Fact]
    public async Task A_mail_stored_by_an_instance_that_stopped_before_processing_is_processed_after_restart()
    {
        Dictionary<string, string?>? kept = null;
        var first = await SupportApp.StartAsync("digibee", settings =>
        {
            settings["SupportFunctions:Inbound:EmailSecret"] = Secret;
            kept = settings;
        },
        // No queue poller: the process "crashes" after the blob and the message are written, before processing.
        services => services.Remove(services.Single(d => d.ImplementationType == typeof(QueuePoller))));
        var customer = await first.CustomerAsync(language: "pt");
        using (var request = Post(new SendGridPost(customer.Email, "support@digibee.com", "Depois do reinício", "Processar mesmo assim.")))
        {
            await SupportApp.Expect(await first.Anonymous.SendAsync(request, TestTimeout.Token()), HttpStatusCode.OK);
        }

        Assert.Empty((await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray());
        await first.StopAsync();

        var restarted = await SupportApp.StartAsync("digibee", settings =>
        {
            foreach (var (key, value) in kept!)
            {
                settings[key] = value;
            }
        });
        await using var _ = restarted;
        var client = restarted.Client(customer.Key);
        var items = await Eventually.WaitAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray().ToArray(),
            i => i.Length > 0,
            TimeSpan.FromSeconds(20),
            "the case from the stored mail");
        Assert.Equal("Depois do reinício", items.Single().GetProperty("subject").GetString());
    }
}
