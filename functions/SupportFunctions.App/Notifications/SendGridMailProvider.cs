using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SendGrid;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// SendGrid v3 Mail Send through the SendGrid SDK's <see cref="SendGridClient"/> (its host from
/// <see cref="SendGridOptions.BaseUrl"/>, pointed at a local capture server in tests). 202 (200 in sandbox mode) is
/// accepted; 429 and 5xx, timeouts and connection failures are transient, honouring Retry-After or X-RateLimit-Reset;
/// 401/403 are transient too (a bad or rotated key is an operator's fix, not the intent's fault); any other 4xx is permanent.
/// </summary>
public sealed class SendGridMailProvider(HttpClient http, IOptions<SendGridOptions> options, TimeProvider time) : IMailProvider
{
    public const string HttpClientName = "sendgrid";

    private readonly SendGridClient _client = new(http, new SendGridClientOptions { ApiKey = options.Value.ApiKey, Host = options.Value.BaseUrl.TrimEnd('/'), HttpErrorAsException = false });

    public string Name => MailProviders.SendGrid;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Response response;
        try
        {
            response = await _client.SendEmailAsync(SendGridRequest.Build(mail), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return MailSendResult.Transient($"SendGrid unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MailSendResult.Transient($"SendGrid did not answer within {options.Value.TimeoutSeconds} s");
        }

        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            return MailSendResult.Accepted(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
        }

        var status = (int)response.StatusCode;
        var error = $"SendGrid answered {status}: {await ErrorsAsync(response.Body, cancellationToken)}";
        return status is 429 or >= 500 or 401 or 403
            ? MailSendResult.Transient(error, RetryAfter(response.Headers))
            : MailSendResult.Permanent(error);
    }

    public async Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!options.Value.ActivityLookup)
        {
            return null;
        }

        // The SDK takes query parameters as a JSON object and encodes them itself.
        var query = JsonSerializer.Serialize(new Dictionary<string, object> { ["limit"] = 1, ["query"] = $"unique_args['intent_id']=\"{mail.IntentId}\"" });
        try
        {
            var response = await _client.RequestAsync(BaseClient.Method.GET, urlPath: "messages", queryParams: query, cancellationToken: cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = await JsonDocument.ParseAsync(await response.Body.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }

        return headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow()
            : null;
    }

    /// <summary>The messages of SendGrid's <c>{"errors":[{"message","field"}]}</c> body, or the start of whatever it sent.</summary>
    private static async Task<string> ErrorsAsync(HttpContent body, CancellationToken cancellationToken)
    {
        var text = await body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() + ": " : string.Empty)
                    + (e.TryGetProperty("message", out var m) ? m.GetString() : string.Empty)));
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's page, say): report its beginning.
        }

        return text.Length > 300 ? text[..300] : text;
    }
}
