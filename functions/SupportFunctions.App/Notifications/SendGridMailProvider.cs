using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// SendGrid v3 Mail Send over HttpClient (the SDK cannot be restored here). 202 (200 in sandbox mode) is accepted;
/// 429 and 5xx, timeouts and connection failures are transient, honouring Retry-After or X-RateLimit-Reset; 401/403
/// are transient too (a bad or rotated key is an operator's fix, not the intent's fault); any other 4xx is permanent.
/// </summary>
public sealed class SendGridMailProvider(HttpClient http, IOptions<SendGridOptions> options, TimeProvider time) : IMailProvider
{
    public const string HttpClientName = "sendgrid";

    public string Name => MailProviders.SendGrid;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("/v3/mail/send"))
        {
            Content = new StringContent(SendGridRequest.Build(mail).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return MailSendResult.Transient($"SendGrid unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MailSendResult.Transient($"SendGrid did not answer within {options.Value.TimeoutSeconds} s");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                return MailSendResult.Accepted(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
            }

            var status = (int)response.StatusCode;
            var error = $"SendGrid answered {status}: {await ErrorsAsync(response, cancellationToken)}";
            return status is 429 or >= 500 or 401 or 403
                ? MailSendResult.Transient(error, RetryAfter(response))
                : MailSendResult.Permanent(error);
        }
    }

    public async Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!options.Value.ActivityLookup)
        {
            return null;
        }

        var query = Uri.EscapeDataString($"unique_args['intent_id']=\"{mail.IntentId}\"");
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint($"/v3/messages?limit=1&query={query}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private Uri Endpoint(string path) => new($"{options.Value.BaseUrl.TrimEnd('/')}{path}");

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }

        return response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow()
            : null;
    }

    /// <summary>The messages of SendGrid's <c>{"errors":[{"message","field"}]}</c> body, or the start of whatever it sent.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
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
