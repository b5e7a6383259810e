using System.Text.RegularExpressions;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// Turns an unhandled failure into RFC 9457 problem details: a request the server could not read (a value that does not
/// bind, a body over its limit, a continuation token it did not issue) is the 4xx that says what is wrong; storage that
/// cannot be reached, is throttling or does not answer in time is 503 with Retry-After (the caller should retry; nothing
/// was acknowledged); anything else 500 with a trace id and no internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Request.Path.Value ?? string.Empty;
        var problem = new ProblemDetails();
        switch (exception)
        {
            case InvalidContinuationTokenException token:
                Invalid(problem, StatusCodes.Status400BadRequest, "continuationToken", token.Message.Split(" (Parameter")[0]);
                break;
            case BadHttpRequestException bad when BindingFailure().Match(bad.Message) is { Success: true } binding:
                Invalid(problem, bad.StatusCode, binding.Groups["name"].Value, $"\"{binding.Groups["value"].Value}\" is not a valid {binding.Groups["type"].Value}");
                break;
            case BadHttpRequestException bad:
                problem.Status = bad.StatusCode;
                problem.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request cannot be read.";
                problem.Detail = bad.Message;
                problem.Type = Problems.TypeUri(bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "too-large" : "bad-request");
                break;
            default:
                if (exception is RequestFailedException storage && StorageFailures.IsTransient(storage))
                {
                    Logs.StorageFailed(logger, exception, path, storage.Status, storage.ErrorCode, storage.GetRawResponse()?.Headers.RequestId);
                    problem.Status = StatusCodes.Status503ServiceUnavailable;
                    problem.Title = "Storage is unavailable; nothing was saved. Retry later.";
                    problem.Type = Problems.TypeUri("storage-unavailable");
                    httpContext.Response.Headers.RetryAfter = "10";
                }
                else
                {
                    Logs.Unhandled(logger, exception, path);
                    problem.Status = StatusCodes.Status500InternalServerError;
                    problem.Title = "An unexpected error occurred.";
                    problem.Type = Problems.TypeUri("internal");
                }

                break;
        }

        problem.Extensions["traceId"] = httpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private static void Invalid(ProblemDetails problem, int status, string field, string rule)
    {
        problem.Status = status;
        problem.Title = "The request cannot be read.";
        problem.Detail = $"{field}: {rule}.";
        problem.Type = Problems.TypeUri("bad-request");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [rule] };
    }

    /// <summary>Minimal APIs' message for a value that does not bind: <c>Failed to bind parameter "int pageSize" from "abc".</c></summary>
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
