using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>One service's HTTP pipeline: authentication, retries, and turning failures into <see cref="StorageRequestFailedException"/>.</summary>
public sealed class StoragePipeline
{
    private const string TokenScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline;

    public StoragePipeline(StorageAccount account, StorageServiceKind kind, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        Account = account;
        Kind = kind;
        Endpoint = kind switch
        {
            StorageServiceKind.Blob => account.BlobEndpoint,
            StorageServiceKind.Queue => account.QueueEndpoint,
            _ => account.TableEndpoint,
        };
        HttpPipelinePolicy auth = account.SharedKey is not null
            ? new SharedKeyAuthenticationPolicy(account.SharedKey, kind)
            : new BearerTokenAuthenticationPolicy(account.TokenCredential!, TokenScope);
        _pipeline = HttpPipelineBuilder.Build(options ?? new StorageClientOptions(), [], [auth, new StorageMetrics.CountingPolicy(kind)], StorageResponseClassifier.Instance);
    }

    public StorageAccount Account { get; }

    public StorageServiceKind Kind { get; }

    /// <summary>The service root, e.g. <c>http://127.0.0.1:10002/devstoreaccount1</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// The service version we speak. Tables: the JSON-era version every SDK uses; Blob/Queue: a recent one Azurite 3.37 accepts.
    /// </summary>
    public string Version => Kind == StorageServiceKind.Table ? "2019-02-02" : "2025-05-05";

    public HttpMessage CreateMessage(RequestMethod method, string path, params (string Name, string? Value)[] query)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        if (path.Length > 0)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(path, escape: false);
        }

        foreach (var (name, value) in query)
        {
            if (value is not null)
            {
                request.Uri.AppendQuery(name, value, escapeValue: true);
            }
        }

        request.Headers.SetValue("x-ms-version", Version);
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            throw new StorageRequestFailedException(0, "ServiceUnreachable", null, $"{Kind} storage at {Endpoint} could not be reached: {ex.Message}", ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException { Status: 0 }))
        {
            // Azure.Core's retry policy reports "unreachable on every try" as an AggregateException of them.
            throw new StorageRequestFailedException(0, "ServiceUnreachable", null, $"{Kind} storage at {Endpoint} could not be reached after {ex.InnerExceptions.Count} tries: {ex.InnerExceptions[^1].Message}", ex);
        }

        return message.Response;
    }

    /// <summary>Builds the exception for a failed answer, reading the error code from the header or the body.</summary>
    public StorageRequestFailedException Failure(Response response, string operation)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        string? detail = null;
        try
        {
            var body = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                (code, detail) = ReadErrorBody(body, code);
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            // The body is not a storage error document (a proxy page, say); the status and header code still tell the story.
        }

        var message = $"{Kind} storage: {operation} failed: {response.Status} {code ?? response.ReasonPhrase}{(detail is null ? string.Empty : $" — {detail.Split('\n')[0].Trim()}")}";
        return response.Status switch
        {
            409 => new StorageConflictException(code, requestId, message),
            412 => new StorageConcurrencyException(code, requestId, message),
            _ => new StorageRequestFailedException(response.Status, code, requestId, message),
        };
    }

    internal static (string? Code, string? Message) ReadErrorBody(string body, string? headerCode)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m)
                    ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                    : null;
                return (headerCode ?? code, message);
            }

            return (headerCode, null);
        }

        if (trimmed.StartsWith('<'))
        {
            var root = XDocument.Parse(trimmed).Root;
            return (headerCode ?? root?.Element("Code")?.Value, root?.Element("Message")?.Value);
        }

        return (headerCode, null);
    }
}
