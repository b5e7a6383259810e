using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// A local stand-in for SendGrid's v3 API on a real loopback port. It checks every Mail Send request against the
/// shape SendGrid documents (a violation is answered 400 and recorded, so a test can assert there were none), answers
/// with a script of statuses (202 when the script is empty), and serves the Activity API's message search by
/// <c>unique_args['intent_id']</c> over what it accepted.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.fake-key-for-tests";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private int _lookups;
    private int _holdNext;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSendGrid(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every Mail Send request in arrival order, with the status it got.</summary>
    public IReadOnlyList<Attempt> Attempts => _attempts.ToList();

    /// <summary>The requests answered 202: what SendGrid would have delivered.</summary>
    public IReadOnlyList<JsonElement> Accepted => _attempts.Where(a => a.Status == 202).Select(a => a.Body).ToList();

    public IReadOnlyList<string> Violations => _violations.ToList();

    public int Lookups => _lookups;

    public static async Task<FakeSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSendGrid(app);
        app.MapPost("/v3/mail/send", (Func<HttpContext, Task<IResult>>)fake.MailSendAsync);
        app.MapGet("/v3/messages", (Func<HttpContext, IResult>)fake.Messages);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next requests get these statuses, in order (429 and 503 with the given Retry-After seconds).</summary>
    public void Answer(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    /// <summary>
    /// The next Mail Send request is recorded (status 0) and then left without an answer until <see cref="Release"/>: a
    /// sender caught mid-send.
    /// </summary>
    public void HoldNext() => Interlocked.Exchange(ref _holdNext, 1);

    public void Release() => _released.TrySetResult();

    /// <summary>Settings that point the app's SendGrid provider here.</summary>
    public void Configure(Dictionary<string, string?> settings, bool activityLookup = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["SupportFunctions:Mail:Provider"] = "SendGrid";
        settings["SupportFunctions:Mail:SendGrid:ApiKey"] = ApiKey;
        settings["SupportFunctions:Mail:SendGrid:BaseUrl"] = BaseUrl;
        settings["SupportFunctions:Mail:SendGrid:ActivityLookup"] = activityLookup ? "true" : "false";
        settings["SupportFunctions:Mail:RetryBaseSeconds"] = "1";
    }

    private async Task<IResult> MailSendAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            return Errors(401, null, "The provided authorization grant is invalid, expired, or revoked");
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Errors(415, null, "Content-Type should be application/json.");
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var body = document.RootElement.Clone();
        var problems = ShapeProblems(body);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                _violations.Enqueue(problem);
            }

            _attempts.Enqueue(new Attempt(400, body, DateTimeOffset.UtcNow));
            return Errors(400, problems[0].Split(':')[0], problems[0]);
        }

        if (Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            _attempts.Enqueue(new Attempt(0, body, DateTimeOffset.UtcNow));
            await _released.Task.WaitAsync(context.RequestAborted);
            return Results.StatusCode(202);
        }

        var (status, retryAfter) = _script.TryDequeue(out var scripted) ? scripted : (202, null);
        _attempts.Enqueue(new Attempt(status, body, DateTimeOffset.UtcNow));
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (status == 202)
        {
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N")[..22];
            return Results.StatusCode(202);
        }

        return status switch
        {
            429 => Errors(429, null, "too many requests"),
            400 => Errors(400, "from.email", "The from email does not contain a valid address."),
            _ => Errors(status, null, "internal error"),
        };
    }

    private IResult Messages(HttpContext context)
    {
        Interlocked.Increment(ref _lookups);
        var query = context.Request.Query["query"].ToString();
        var accepted = Accepted.Where(b => query.Contains($"unique_args['intent_id']=\"{b.GetProperty("custom_args").GetProperty("intent_id").GetString()}\"", StringComparison.Ordinal))
            .Select(b => new { msg_id = Guid.NewGuid().ToString("N"), subject = b.GetProperty("subject").GetString(), status = "delivered" })
            .ToList();
        return Results.Json(new { messages = accepted });
    }

    /// <summary>The rules of SendGrid's Mail Send schema this product relies on.</summary>
    private static List<string> ShapeProblems(JsonElement body)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!body.TryGetProperty("personalizations", out var personalizations) || personalizations.ValueKind != JsonValueKind.Array || personalizations.GetArrayLength() is 0 or > 1000)
        {
            problems.Add("personalizations: 1 to 1000 are required");
        }
        else
        {
            var i = 0;
            foreach (var p in personalizations.EnumerateArray())
            {
                if (!p.TryGetProperty("to", out var to) || to.GetArrayLength() == 0)
                {
                    problems.Add($"personalizations.{i}.to: at least one recipient is required");
                }

                foreach (var field in new[] { "to", "cc", "bcc" })
                {
                    if (p.TryGetProperty(field, out var list))
                    {
                        foreach (var address in list.EnumerateArray())
                        {
                            var email = address.GetProperty("email").GetString() ?? string.Empty;
                            if (!email.Contains('@', StringComparison.Ordinal) || !seen.Add(email))
                            {
                                problems.Add($"personalizations.{i}.{field}: '{email}' is invalid or appears twice in the request");
                            }
                        }
                    }
                }

                i++;
            }
        }

        if (!body.TryGetProperty("from", out var from) || !(from.GetProperty("email").GetString() ?? string.Empty).Contains('@', StringComparison.Ordinal))
        {
            problems.Add("from.email: a sender address is required");
        }

        if (!body.TryGetProperty("subject", out var subject) || string.IsNullOrEmpty(subject.GetString()))
        {
            problems.Add("subject: is required");
        }

        if (!body.TryGetProperty("content", out var content) || content.GetArrayLength() == 0
            || content[0].GetProperty("type").GetString() != "text/plain"
            || content.EnumerateArray().Any(c => string.IsNullOrEmpty(c.GetProperty("value").GetString())))
        {
            problems.Add("content: text/plain must come first and no value may be empty");
        }

        if (body.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject().Where(h => h.Name.ToLowerInvariant() is "to" or "from" or "subject" or "reply-to" or "cc" or "bcc" or "content-type"))
            {
                problems.Add($"headers.{header.Name}: is reserved");
            }
        }

        if (body.TryGetProperty("categories", out var categories) && categories.GetArrayLength() > 10)
        {
            problems.Add("categories: at most 10");
        }

        if (body.TryGetProperty("custom_args", out var args) && (args.ValueKind != JsonValueKind.Object || args.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.String)))
        {
            problems.Add("custom_args: must be an object of strings");
        }

        return problems;
    }

    private static IResult Errors(int status, string? field, string message) =>
        Results.Json(new { errors = new[] { new { message, field, help = (string?)null } } }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request: its status, body, and when it arrived.</summary>
    public sealed record Attempt(int Status, JsonElement Body, DateTimeOffset At);
}
