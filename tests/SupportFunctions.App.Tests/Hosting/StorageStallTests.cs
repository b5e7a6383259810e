using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Tests.Hosting;

/// <summary>
/// Storage that accepts connections and answers nothing (Azurite under SIGSTOP): a request is answered 503 with
/// Retry-After within the stated bound of one storage call, nothing is half-written, and the same request succeeds
/// once storage answers again.
/// </summary>
public sealed class StorageStallTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = StorageClientSettings.CallDeadline + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_stalled_store_gets_a_503_with_retry_after_within_the_bound_and_the_retry_opens_one_case()
    {
        var cancel = TestTimeout.Token(180);
        await using var azurite = await PrivateAzurite.StartAsync(cancel);
        await using var app = await SupportApp.StartAsync("purecloud", s => s["SupportFunctions:Storage:ConnectionString"] = azurite.ConnectionString);
        var customer = await app.CustomerAsync(designated: true);
        var body = new { subject = "Routing stalls", description = "Queues route slowly", category = "technical-problem", severity = 3, fields = new { businessImpact = "Long waits" } };

        await azurite.PauseAsync();
        var watch = Stopwatch.StartNew();
        var intake = customer.Client.PostCaseAsync(body, "stall-1");
        var list = customer.Client.GetAsync(new Uri("/api/cases", UriKind.Relative), cancel);
        var responses = await Task.WhenAll(intake, list).WaitAsync(Bound * 2, cancel);
        watch.Stop();
        await azurite.ResumeAsync();

        output.WriteLine($"answered in {watch.Elapsed.TotalSeconds:F1} s (bound {Bound.TotalSeconds:F1} s)");
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal(503, (await response.JsonAsync()).GetProperty("status").GetInt32());
        }

        Assert.True(watch.Elapsed < Bound, $"answered after {watch.Elapsed.TotalSeconds:F1} s; the bound is {Bound.TotalSeconds:F1} s");

        // Storage answers again: the same request (same key, same body) opens exactly one case.
        var retried = await Eventually.WaitAsync(() => customer.Client.PostCaseAsync(body, "stall-1"), r => r.StatusCode != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "storage to answer again");
        Assert.True(retried.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)retried.StatusCode}");
        var page = await (await customer.Client.GetAsync(new Uri("/api/cases", UriKind.Relative), cancel)).JsonAsync();
        var subjects = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["Routing stalls"], subjects);
        Assert.Equal((await retried.JsonAsync()).GetProperty("number").GetString(), page.GetProperty("items")[0].GetProperty("number").GetString());
    }
}
