using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportFunctions.App.Hosting;

/// <summary>Reads a JSON request body whole (within a size limit), keeping the raw bytes for idempotency hashing.</summary>
public static class JsonBody
{
    public sealed record Result(JsonDocument? Document, ReadOnlyMemory<byte> Raw, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !request.ContentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(null, default, Problems.UnsupportedMediaType($"Send the body as application/json, not '{request.ContentType ?? "nothing"}'."));
        }

        var (raw, problem) = await RequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (problem is not null)
        {
            return new Result(null, default, problem);
        }

        try
        {
            return new Result(JsonDocument.Parse(raw!), raw, null);
        }
        catch (JsonException ex)
        {
            return new Result(null, raw, Problems.BadRequest($"The body is not valid JSON: {ex.Message.Split(" Path:")[0]}"));
        }
    }
}
