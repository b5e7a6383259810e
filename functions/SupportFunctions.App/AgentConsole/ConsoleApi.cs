using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SupportFunctions.App.Hosting;

namespace SupportFunctions.App.AgentConsole;

/// <summary>
/// <c>/console</c>: the agent console, static files that call only the public API. Anonymous (the page asks for an API
/// key and keeps it in the tab's sessionStorage); a strict content security policy allows only this origin's scripts,
/// styles and API, so no other script can read the key.
/// </summary>
public static class ConsoleApi
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/{*path}", Serve)
            .WithName("GetConsoleFile")
            .WithTags("Console")
            .WithSummary("The agent console (HTML, CSS and JavaScript); open /console/ in a browser.")
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Serve(string? path, HttpContext context)
    {
        var file = ConsoleFiles.Find(path);
        if (file is null)
        {
            return Problems.NotFound($"The console has no file '{path}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = file.ETag;
        return context.Request.Headers.IfNoneMatch.Contains(file.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.File(file.Bytes, file.ContentType);
    }
}
