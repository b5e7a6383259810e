using Microsoft.AspNetCore.Http.HttpResults;
using SupportFunctions.App.Hosting;

namespace SupportFunctions.App.Health;

public static class HealthApi
{
    /// <summary><c>GET /api/health</c> (alive) and <c>GET /api/health/ready</c> (Table, Blob and Queue each answered).</summary>
    public static RouteGroupBuilder MapHealth(this RouteGroupBuilder group)
    {
        group.MapGet("/", () => TypedResults.Ok(new { status = "alive" }))
            .WithName("Alive")
            .WithSummary("The process is up and serving requests.");

        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Storage (Table, Blob, Queue) answers; 503 with the failing service otherwise.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> Ready(StorageReadinessProbe probe, HttpContext context, CancellationToken cancellationToken)
    {
        var checks = await probe.CheckAsync(cancellationToken);
        if (checks.All(c => c.Healthy))
        {
            return TypedResults.Ok(new HealthReport("healthy", checks));
        }

        var failed = checks.Where(c => !c.Healthy).ToList();
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage is not ready",
            detail: string.Join("; ", failed.Select(c => $"{c.Service}: {c.Error}")),
            type: Problems.TypeUri("storage-unavailable"),
            extensions: new Dictionary<string, object?> { ["health"] = "unhealthy", ["failed"] = failed.Select(c => c.Service).ToArray(), ["checks"] = checks });
    }
}
