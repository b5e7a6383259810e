using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportFunctions.App.Hosting;

/// <summary>The RFC 9457 answers the API gives, each with a stable type URI clients can switch on.</summary>
public static class Problems
{
    private const string TypeBase = "https://supportfunctions.dev/problems/";

    /// <summary>The type URI of a problem kind, for problem details written outside an HTTP answer (e.g. rejected queue messages).</summary>
    public static string TypeUri(string kind) => TypeBase + kind;

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request breaks one or more rules.",
            Detail = detail ?? $"{errors.Count} field(s) need attention: {string.Join(", ", errors.Keys)}.",
            Type = TypeUri("validation"),
        });

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The request cannot be read.", detail, "bad-request");

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail, "not-found");

    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail, "forbidden");

    public static ProblemHttpResult Conflict(string detail, string type = "conflict") => Problem(StatusCodes.Status409Conflict, "Conflict.", detail, type);

    /// <summary>412: the resource (an account, a contact, …) changed since the caller read it; its If-Match no longer holds.</summary>
    public static ProblemHttpResult PreconditionFailed(string what) =>
        Problem(StatusCodes.Status412PreconditionFailed, $"The {what} changed since you read it.", "Read it again (GET) and send its ETag in If-Match.", "precondition-failed");

    public static ProblemHttpResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large.", detail, "too-large");

    public static ProblemHttpResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", detail, "unsupported-media-type");

    public static ProblemHttpResult Problem(int status, string title, string detail, string type, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeUri(type), extensions: extensions);
}
