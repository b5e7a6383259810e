using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// The API's own limits on a request's headers and target, answered as problem details (431, 414). Kestrel's limits,
/// raised above these (<see cref="ConfigureServer"/>), would answer the same with an empty body; only a request past
/// Kestrel's still gets Kestrel's bare status.
/// </summary>
public static class RequestLimits
{
    public const int MaxHeaderBytes = 32 * 1024;

    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>Kestrel's own ceilings, well above ours, so our answer (with its problem details) is the one clients see.</summary>
    public const int ServerCeilingBytes = 256 * 1024;

    public static void ConfigureServer(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestHeadersTotalSize = ServerCeilingBytes;
        kestrel.Limits.MaxRequestLineSize = ServerCeilingBytes;
        kestrel.Limits.MaxRequestBufferSize = 2 * ServerCeilingBytes;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path + context.Request.QueryString).ToString();
        if (target.Length > MaxTargetBytes)
        {
            await RefuseAsync(context, StatusCodes.Status414UriTooLong, "The URL is too long.", $"The request target is {target.Length} characters; at most {MaxTargetBytes}.");
            return;
        }

        var headerBytes = context.Request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => (v?.Length ?? 0) + 4));
        if (headerBytes > MaxHeaderBytes)
        {
            await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.", $"The headers take {headerBytes} bytes; at most {MaxHeaderBytes}.");
            return;
        }

        await next(context);
    });

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = Problems.TypeUri("too-large") },
        });
    }
}
