using System.Security.Claims;
using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

public static class RetentionApi
{
    /// <summary><c>/api/admin/purges</c> (start, list, read, proof) and <c>/api/admin/holds</c> (legal holds on cases and accounts).</summary>
    public static RouteGroupBuilder MapRetention(this RouteGroupBuilder group)
    {
        group.MapPost("/purges", StartPurge).WithName("StartPurge")
            .WithSummary("Start a purge run now ({\"dryRun\": true} counts and lists without deleting). 202 with the run; 409 while another run is unfinished.")
            .Produces(202).ProducesProblem(409).ProducesValidationProblem(422);
        group.MapGet("/purges", async (PurgeRuns runs, CancellationToken ct) =>
            TypedResults.Ok((await runs.ListAsync(100, ct)).Select(r => View(r, runs)))).WithName("ListPurges").WithSummary("The last 100 purge runs, newest first.");
        group.MapGet("/purges/{runId}", GetPurge).WithName("GetPurge").WithSummary("A run: state (running, completed, failed), the source it is in, counts per data class purged and held.");
        group.MapGet("/purges/{runId}/proof", GetProof).WithName("GetPurgeProof").WithSummary("The ids the run touched (would touch, for a dry run), one per line; no personal data.");
        group.MapGet("/holds", async (LegalHoldRepository holds, CancellationToken ct) => TypedResults.Ok(await holds.ListAsync(ct))).WithName("ListLegalHolds");
        group.MapPut("/holds/{scope}/{id}", PlaceHold).WithName("PlaceLegalHold").WithSummary("scope cases or accounts; {\"reason\": \"...\"}. Stops every purge and anonymisation under it until released.").ProducesValidationProblem(422);
        group.MapDelete("/holds/{scope}/{id}", ReleaseHold).WithName("ReleaseLegalHold").Produces(204);
        return group;
    }

    private static async Task<IResult> StartPurge(HttpRequest http, PurgeRuns runs, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var dryRun = false;
        if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonBody.ReadAsync(http, 4096, cancellationToken);
            if (body.Problem is not null)
            {
                return body.Problem;
            }

            using var document = body.Document!;
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Validation(new Dictionary<string, string[]> { [string.Empty] = ["must be a JSON object such as {\"dryRun\": true}"] });
            }

            if (document.RootElement.TryGetProperty("dryRun", out var flag))
            {
                if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Problems.Validation(new Dictionary<string, string[]> { ["dryRun"] = ["must be true or false"] });
                }

                dryRun = flag.GetBoolean();
            }
        }

        var (run, started) = await runs.StartAsync(dryRun, Caller.From(user).Actor, cancellationToken);
        if (!started)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "A purge run is in progress.", $"Run {run.Id} (started {run.StartedAt:O}) has not finished; follow it at /api/admin/purges/{run.Id}.", "purge-in-progress", new Dictionary<string, object?> { ["runId"] = run.Id });
        }

        return TypedResults.Accepted($"/api/admin/purges/{run.Id}", View(run, runs));
    }

    private static async Task<IResult> GetPurge(string runId, PurgeRuns runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(runId, cancellationToken) is { } run ? TypedResults.Ok(View(run, runs)) : Problems.NotFound($"There is no purge run {runId}.");

    private static async Task<IResult> GetProof(string runId, PurgeRunRepository runs, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(runId, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no purge run {runId}.");
        }

        var ids = await runs.ReadProofAsync(runId, cancellationToken).ToListAsync(cancellationToken);
        return TypedResults.Text(string.Join('\n', ids) + (ids.Count > 0 ? "\n" : string.Empty), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> PlaceHold(string scope, string id, HttpRequest http, [AsParameters] HoldServices services, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (holds, cases, directory, time) = services;
        if (HoldScope(scope) is not { } holdScope)
        {
            return Problems.NotFound($"Holds are placed on cases or accounts, not '{scope}'.");
        }

        var body = await JsonBody.ReadAsync(http, 4096, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var reason = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["reason"] = ["is required: 1 to 500 characters saying why the data must be kept (a matter, a request)"] });
        }

        var exists = holdScope == LegalHold.CaseScope
            ? await cases.GetAsync(id, cancellationToken) is not null
            : await directory.GetAccountAsync(id, cancellationToken) is not null;
        if (!exists)
        {
            return Problems.NotFound($"There is no {holdScope} {id}.");
        }

        var hold = new LegalHold(holdScope, id, reason, Caller.From(user).Actor, time.GetUtcNow());
        await holds.PlaceAsync(hold, cancellationToken);
        return TypedResults.Ok(hold);
    }

    private static async Task<IResult> ReleaseHold(string scope, string id, LegalHoldRepository holds, CancellationToken cancellationToken)
    {
        if (HoldScope(scope) is not { } holdScope)
        {
            return Problems.NotFound($"Holds are placed on cases or accounts, not '{scope}'.");
        }

        await holds.ReleaseAsync(holdScope, id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string? HoldScope(string scope) => scope switch
    {
        "cases" => LegalHold.CaseScope,
        "accounts" => LegalHold.AccountScope,
        _ => null,
    };

    private static object View(PurgeRun run, PurgeRuns runs) => new
    {
        run.Id,
        run.DryRun,
        run.Trigger,
        run.State,
        run.Error,
        run.StartedAt,
        run.FinishedAt,
        phase = run.Phase < runs.Phases.Count ? runs.Phases[run.Phase] : null,
        phases = runs.Phases,
        run.Pages,
        run.Purged,
        run.Held,
        proof = $"/api/admin/purges/{run.Id}/proof",
    };
}

/// <summary>What placing a legal hold works with, bound as one parameter: the holds, and the case or account it must name.</summary>
public sealed record HoldServices(LegalHoldRepository Holds, CaseRepository Cases, DirectoryRepository Directory, TimeProvider Time);
