using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Webhooks from SendGrid Inbound Parse, Twilio and generic IVR platforms. Each authenticates the sender, stores the
/// request whole and queues it before answering 2xx; processing happens from the queue. Storage trouble is 503, so
/// the sender retries — never a 2xx for something not stored.
/// </summary>
public static class InboundApi
{
    private const long MaxVoiceBytes = 64 * 1024;

    public static RouteGroupBuilder MapInbound(this RouteGroupBuilder group)
    {
        group.MapPost("/email", (HttpRequest http, IOptions<InboundOptions> options, InboundStore store, CancellationToken ct) => Email(http, null, options, store, ct))
            .WithName("InboundEmail").WithSummary("SendGrid Inbound Parse (parsed mode, multipart/form-data), secret as the password of the URL's basic credentials.");
        group.MapPost("/email/{token}", (string token, HttpRequest http, IOptions<InboundOptions> options, InboundStore store, CancellationToken ct) => Email(http, token, options, store, ct))
            .WithName("InboundEmailWithToken").WithSummary("SendGrid Inbound Parse with the secret as the last path segment.");
        group.MapPost("/voice/twilio", Twilio).WithName("InboundTwilioVoice").WithSummary("Twilio voice webhook (form fields, X-Twilio-Signature); answers TwiML speaking the case number.");
        group.MapPost("/voice", Voice).WithName("InboundVoice").WithSummary("Generic call event (JSON) signed with X-Signature: sha256=HMAC(timestamp + \".\" + body) and X-Signature-Timestamp.");
        return group;
    }

    private static async Task<IResult> Email(HttpRequest http, string? token, IOptions<InboundOptions> options, InboundStore store, CancellationToken cancellationToken)
    {
        var secret = options.Value.EmailSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Problems.NotFound($"Inbound email is not configured; set {InboundOptions.Section}:EmailSecret.");
        }

        if (!SecretComparison.Matches(token ?? BasicPassword(http), secret))
        {
            http.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"inbound-email\"";
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Not authenticated.", "The inbound email secret is missing or wrong; nothing was stored.", "unauthenticated");
        }

        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var media) || !string.Equals(media.MediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || media.Parameters.All(p => !string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.UnsupportedMediaType($"Inbound Parse posts multipart/form-data with a boundary, not '{http.ContentType ?? "nothing"}'.");
        }

        var (body, problem) = await RequestBody.ReadAsync(http, options.Value.MaxEmailBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var item = await store.StoreAsync(InboundChannels.Email, body!, http.ContentType!, null, cancellationToken);
        return TypedResults.Ok(new { id = item.Id, status = "stored" });
    }

    private static async Task<IResult> Twilio(HttpRequest http, IOptions<InboundOptions> options, InboundStore store, CallCaseNumbers numbers, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var token = options.Value.TwilioAuthToken;
        if (string.IsNullOrEmpty(token))
        {
            return Problems.NotFound($"Twilio voice intake is not configured; set {InboundOptions.Section}:TwilioAuthToken.");
        }

        if (http.ContentType is null || !http.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType($"Twilio posts application/x-www-form-urlencoded, not '{http.ContentType ?? "nothing"}'.");
        }

        var (body, problem) = await RequestBody.ReadAsync(http, MaxVoiceBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var signature = http.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return Problems.BadRequest("X-Twilio-Signature is missing; nothing was stored.");
        }

        var form = VoiceCallReader.Form(body!);
        var url = SignedUrl(http, options.Value.TwilioWebhookUrl);
        if (!TwilioSignature.IsValid(url, form, token, signature))
        {
            return Problems.Forbidden("X-Twilio-Signature does not match this request; nothing was stored.");
        }

        var (call, errors) = VoiceCallReader.FromTwilio(form);
        if (call is null)
        {
            return Problems.Validation(errors);
        }

        var (number, language) = await ReserveAsync(call.CallId, call.From, numbers, directory, cancellationToken);
        await store.StoreAsync(InboundChannels.Twilio, body!, http.ContentType!, i => i with { CaseNumber = number }, cancellationToken);
        return TypedResults.Text(TwimlAnswer.For(number, language), "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> Voice(HttpRequest http, [AsParameters] VoiceIntakeServices services, CancellationToken cancellationToken)
    {
        var (options, store, numbers, directory, time) = services;
        var secret = options.Value.VoiceSigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Problems.NotFound($"Voice intake is not configured; set {InboundOptions.Section}:VoiceSigningSecret.");
        }

        var read = await JsonBody.ReadAsync(http, MaxVoiceBytes, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var refusal = WebhookSignature.Problem(secret, http.Headers["X-Signature"].ToString(), http.Headers["X-Signature-Timestamp"].ToString(), read.Raw.Span, time.GetUtcNow(), TimeSpan.FromSeconds(options.Value.VoiceMaxSkewSeconds));
        if (refusal is not null)
        {
            return Problems.Forbidden(refusal + "; nothing was stored.");
        }

        var (call, errors) = VoiceCallReader.FromJson(document.RootElement);
        if (call is null)
        {
            return Problems.Validation(errors);
        }

        var (number, _) = await ReserveAsync(call.CallId, call.From, numbers, directory, cancellationToken);
        var item = await store.StoreAsync(InboundChannels.Voice, read.Raw, "application/json", i => i with { CaseNumber = number }, cancellationToken);
        return TypedResults.Accepted((string?)null, new { id = item.Id, caseNumber = number, status = number is null ? "caller-not-registered" : "stored" });
    }

    /// <summary>A registered caller's call gets its case number now (the same one on every event of the call); an unknown caller none.</summary>
    private static async Task<(string? Number, string? Language)> ReserveAsync(string callId, string from, CallCaseNumbers numbers, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var contacts = await directory.FindContactsByPhoneAsync(from, cancellationToken);
        if (contacts.Count == 0)
        {
            return (null, null);
        }

        return (await numbers.ReserveAsync(callId, cancellationToken), contacts[0].Language);
    }

    /// <summary>The URL Twilio signed: the configured webhook URL (behind proxies the app sees another), with the query string as received.</summary>
    private static string SignedUrl(HttpRequest http, string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return $"{http.Scheme}://{http.Host}{http.PathBase}{http.Path}{http.QueryString}";
        }

        return configured.Contains('?', StringComparison.Ordinal) ? configured : configured + http.QueryString;
    }

    private static string? BasicPassword(HttpRequest http)
    {
        if (!AuthenticationHeaderValue.TryParse(http.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>What the generic call-event webhook works with, bound as one parameter.</summary>
public sealed record VoiceIntakeServices(IOptions<InboundOptions> Options, InboundStore Store, CallCaseNumbers Numbers, DirectoryRepository Directory, TimeProvider Time);
