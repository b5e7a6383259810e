using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Webhook to case: SendGrid-shaped posts (1 KiB of text; and with a 1 MiB attachment) through POST /api/inbound/email
/// on Kestrel, each timed from the POST until its case exists (its Message-ID resolves to a case).
/// </summary>
public static class InboundBenchmark
{
    private const string Secret = "bench-parse-secret";

    public static async Task RunAsync(string connectionString, string policyPath, TimeSpan duration)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        var settings = new Dictionary<string, string>
        {
            ["SupportFunctions:Inbound:EmailSecret"] = Secret,
            ["SupportFunctions:Queues:PollIntervalMilliseconds"] = "50",
            ["SupportFunctions:Queues:BatchSize"] = "32",
        };
        await using var app = new BenchApp(connectionString, policyPath, settings);
        using var http = await app.StartAsAdminAsync();
        await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts", new { id = "bench", name = "Bench Corp", timeZone = "America/Sao_Paulo", language = "pt" }));
        // The flood limit applies per sender, so the bench writes from many contacts' addresses.
        const int senders = 64;
        for (var i = 0; i < senders; i++)
        {
            await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts/bench/contacts", new { id = $"c{i}", name = $"Bench {i}", email = $"user{i}@bench.example" }));
        }

        var messageIds = app.Services.GetRequiredService<MessageIdRepository>();
        var text = new string('x', 1024);
        var attachment = new byte[1024 * 1024];
        Random.Shared.NextBytes(attachment);
        using var webhook = app.CreateClient();
        Console.WriteLine();
        Console.WriteLine($"{"mail",-22} {"concurrency",11} {"mails/s",8} {"p50 ms",8} {"p99 ms",8}");
        foreach (var (label, file) in new[] { ("1 KiB text", (byte[]?)null), ("1 KiB + 1 MiB file", attachment) })
        {
            foreach (var concurrency in new[] { 1, 8 })
            {
                var result = await Throughput.MeasureAsync(concurrency, duration, async n =>
                {
                    var messageId = $"{Guid.NewGuid():N}@bench.example";
                    using var content = Post($"user{n % senders}@bench.example", $"Bench mail {n}", text, messageId, file);
                    using var response = await webhook.PostAsync(new Uri($"/api/inbound/email/{Secret}", UriKind.Relative), content);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"Inbound answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }

                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    while (await messageIds.FindCaseAsync([messageId], CancellationToken.None) is null)
                    {
                        if (DateTime.UtcNow > deadline)
                        {
                            throw new TimeoutException($"Mail {messageId} did not become a case within 60 s.");
                        }

                        await Task.Delay(10);
                    }
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-22} {concurrency,11} {result.OperationsPerSecond,8:F1} {result.P50Milliseconds,8:F0} {result.P99Milliseconds,8:F0}"));
            }
        }
    }

    private static ByteArrayContent Post(string from, string subject, string text, string messageId, byte[]? file)
    {
        var body = new MemoryStream();
        void Part(string name, string value) => body.Write(Encoding.UTF8.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        Part("from", from);
        Part("to", "support@digibee.com");
        Part("subject", subject);
        Part("text", text);
        Part("headers", $"Message-ID: <{messageId}>\nFrom: {from}\nSubject: {subject}\n");
        Part("charsets", "{\"text\":\"UTF-8\"}");
        Part("envelope", $"{{\"to\":[\"support@digibee.com\"],\"from\":\"{from}\"}}");
        if (file is not null)
        {
            Part("attachments", "1");
            Part("attachment-info", "{\"attachment1\":{\"filename\":\"dump.bin\",\"type\":\"application/octet-stream\"}}");
            body.Write(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"dump.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.Write(file);
            body.Write("\r\n"u8);
        }

        body.Write("--b--\r\n"u8);
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }
}
