using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using SupportFunctions.App.Durable;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// Turns an unhandled failure into RFC 9457 problem details: storage that cannot be reached or is throttling is 503
/// with Retry-After (the caller should retry; nothing was acknowledged), anything else 500 with a trace id and no internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Request.Path.Value ?? string.Empty;
        int status;
        string title;
        string type;
        // A storage failure may come wrapped (the durable provider wraps the SDK's exception in its own types).
        if (DurableStorageFailure.Unwrap(exception) is { } storage && StorageFailures.IsTransient(storage))
        {
            Logs.StorageFailed(logger, exception, path, storage.Status, storage.ErrorCode, storage.GetRawResponse()?.Headers.RequestId);
            status = StatusCodes.Status503ServiceUnavailable;
            title = "Storage is unavailable; nothing was saved. Retry later.";
            type = Problems.TypeUri("storage-unavailable");
            httpContext.Response.Headers.RetryAfter = "10";
        }
        else
        {
            Logs.Unhandled(logger, exception, path);
            status = StatusCodes.Status500InternalServerError;
            title = "An unexpected error occurred.";
            type = Problems.TypeUri("internal");
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Type = type,
                Extensions = { ["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier },
            },
        });
    }
}
