using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Queues;

public static class PoisonApi
{
    /// <summary><c>/api/admin/poison</c>: messages that failed every delivery; list them and replay one by id.</summary>
    public static RouteGroupBuilder MapPoison(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).WithName("ListPoisonMessages").WithSummary("Messages parked after the maximum deliveries, with their last error.");
        group.MapPost("/{id}/replay", Replay).WithName("ReplayPoisonMessage").WithSummary("Puts the message back on its queue and removes it from the poison list.");
        return group;
    }

    private static async Task<IResult> List(PoisonRepository poison, CancellationToken cancellationToken, int pageSize = 50, string? continuationToken = null)
    {
        if (pageSize is < 1 or > 500)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pageSize"] = ["must be between 1 and 500"] });
        }

        var (items, next) = await poison.PageAsync(pageSize, continuationToken, cancellationToken);
        return TypedResults.Ok(new { items, continuationToken = next });
    }

    private static async Task<IResult> Replay(string id, PoisonRepository poison, QueueSender queues, CancellationToken cancellationToken)
    {
        var message = await poison.GetAsync(id, cancellationToken);
        if (message is null)
        {
            return Problems.NotFound($"There is no poison message {id}.");
        }

        // Send first, then forget: a crash in between replays it twice, and handlers are idempotent.
        await queues.SendAsync(message.Queue, message.Text, null, cancellationToken);
        await poison.DeleteAsync(id, cancellationToken);
        return TypedResults.Accepted((string?)null, new { id, queue = message.Queue, replayed = true });
    }
}
