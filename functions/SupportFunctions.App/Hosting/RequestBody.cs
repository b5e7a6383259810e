using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportFunctions.App.Hosting;

/// <summary>Reads a request body whole within a size limit (raising the server's own limit to it where allowed).</summary>
public static class RequestBody
{
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge($"The body is {request.ContentLength} bytes; at most {maxBytes}."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && (limit.MaxRequestBodySize ?? long.MaxValue) < maxBytes + 1)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, Problems.TooLarge($"The body is over {maxBytes} bytes."));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a length (chunked) crossed the server's limit, which was set to ours, mid-read.
            return (null, Problems.TooLarge($"The body is over {maxBytes} bytes."));
        }

        return (buffer.ToArray(), null);
    }
}
