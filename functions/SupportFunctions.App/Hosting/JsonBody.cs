using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportFunctions.App.Hosting;

/// <summary>Reads a JSON request body whole (within a size limit), keeping the raw bytes for idempotency hashing.</summary>
public static class JsonBody
{
    public sealed record Result(JsonDocument? Document, ReadOnlyMemory<byte> Raw, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return new Result(null, default, Problems.UnsupportedMediaType($"Send the body as application/json, not '{request.ContentType ?? "nothing"}'."));
        }

        // JSON is UTF-8 (RFC 8259); a body declared as anything else would be read as what it is not.
        if (media.Charset is { Length: > 0 } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(null, default, Problems.UnsupportedMediaType($"Send JSON as UTF-8; charset '{charset}' is not accepted."));
        }

        var (raw, problem) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (problem is not null)
        {
            return new Result(null, default, problem);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw!);
        }
        catch (JsonException ex)
        {
            return new Result(null, raw, Problems.BadRequest($"The body is not valid JSON: {ex.Message.Split(" Path:")[0]}"));
        }

        if (UnreadableText(document.RootElement, "$") is { } path)
        {
            document.Dispose();
            return new Result(null, raw, Problems.BadRequest($"The text at {path} is not valid: invalid UTF-8 bytes or an unpaired surrogate (\\ud800-\\udfff) cannot be stored."));
        }

        return new Result(document, raw, null);
    }

    /// <summary>
    /// The JSON path of the first property name or string that is not text (the parser lets invalid UTF-8 inside a
    /// string and escaped lone surrogates through; reading them later would fail), or null when all are.
    /// </summary>
    private static string? UnreadableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TextOf(element.GetString) is null ? path : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (TextOf(() => property.Name) is not { } name)
                    {
                        return path;
                    }

                    if (UnreadableText(property.Value, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnreadableText(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The text, or null when it cannot be read (invalid UTF-8) or has a surrogate out of its pair (which UTF-8, and so storage, cannot hold).</summary>
    private static string? TextOf(Func<string?> read)
    {
        string text;
        try
        {
            text = read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return null;
            }
        }

        return text;
    }
}
