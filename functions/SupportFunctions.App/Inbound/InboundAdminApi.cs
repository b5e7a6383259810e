using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

public static class InboundAdminApi
{
    private static readonly string[] Dispositions = ["rejected", "quarantined", "held", "ignored", "refused"];

    /// <summary>Admin lists of inbound items that did not become case changes: <c>/api/admin/rejected</c>, <c>/api/admin/quarantine</c>, <c>/api/admin/inbound/{disposition}</c>.</summary>
    public static RouteGroupBuilder MapInboundAdmin(this RouteGroupBuilder group)
    {
        group.MapGet("/rejected", (InboundRecordRepository records, CancellationToken ct, int pageSize = 50, string? continuationToken = null) => ListAsync("rejected", records, pageSize, continuationToken, ct))
            .WithName("ListRejectedInbound").WithSummary("Invalid or refused queued case requests, mails and calls, each with its problem details.");
        group.MapGet("/quarantine", (InboundRecordRepository records, CancellationToken ct, int pageSize = 50, string? continuationToken = null) => ListAsync("quarantined", records, pageSize, continuationToken, ct))
            .WithName("ListQuarantinedMail").WithSummary("Mail held as spam (stored, not a case).");
        group.MapGet("/inbound/{disposition}", (string disposition, InboundRecordRepository records, CancellationToken ct, int pageSize = 50, string? continuationToken = null) => ListAsync(disposition, records, pageSize, continuationToken, ct))
            .WithName("ListInbound").WithSummary("rejected, quarantined, held (sender flood), ignored (automated mail) or refused (not entitled, unknown caller).");
        return group;
    }

    private static async Task<IResult> ListAsync(string disposition, InboundRecordRepository records, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Dispositions.Contains(disposition, StringComparer.Ordinal))
        {
            errors["disposition"] = [$"must be one of {string.Join(", ", Dispositions)}"];
        }

        if (pageSize is < 1 or > 500)
        {
            errors["pageSize"] = ["must be between 1 and 500"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (items, next) = await records.PageAsync(disposition, pageSize, continuationToken, cancellationToken);
        return TypedResults.Ok(new
        {
            items = items.Select(i => new
            {
                i.Id,
                i.Disposition,
                i.Channel,
                i.ReceivedAt,
                i.Reason,
                problem = i.ProblemJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(i.ProblemJson),
                i.Sender,
                i.Subject,
                i.Source,
            }),
            continuationToken = next,
        });
    }
}
