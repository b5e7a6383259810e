using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Timers;

namespace SupportFunctions.App.Functions;

public static class FunctionsHostApi
{
    /// <summary>
    /// <c>POST /{FunctionName}</c>: invocations from the Azure Functions host for queue and timer triggers
    /// (<c>{"Data": {...}, "Metadata": {...}}</c>). Queue messages go to the same handler the standalone poller uses.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctionsHost(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{function}", Invoke)
            .WithName("FunctionsHostInvocation")
            .WithTags("Functions host")
            .WithSummary("Queue- and timer-trigger invocations from the Azure Functions host (custom handler).")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> Invoke(string function, HttpRequest request, QueueDispatcher dispatcher, IEnumerable<IReconciler> reconcilers, PurgeRuns purges, CancellationToken cancellationToken)
    {
        if (string.Equals(function, FunctionNames.ReconcileTimers, StringComparison.OrdinalIgnoreCase))
        {
            var counts = new List<string>();
            foreach (var reconciler in reconcilers)
            {
                counts.Add($"{reconciler.Name}: {await reconciler.ReconcileAsync(cancellationToken)}");
            }

            return TypedResults.Ok(InvocationResponse.Done($"Re-sent overdue messages ({string.Join(", ", counts)})."));
        }

        if (string.Equals(function, FunctionNames.PurgeRetention, StringComparison.OrdinalIgnoreCase))
        {
            var (run, started) = await purges.StartScheduledAsync(cancellationToken);
            return TypedResults.Ok(InvocationResponse.Done(started ? $"Started purge run {run.Id}." : $"Purge run {run.Id} is still in progress; not starting another."));
        }

        if (!FunctionNames.QueueTriggers.TryGetValue(function, out var queue))
        {
            return Problems.NotFound($"No function named {function}.");
        }

        var body = await JsonBody.ReadAsync(request, 1024 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        if (!TryReadQueueInvocation(document.RootElement, out var message, out var problem))
        {
            return Problems.BadRequest(problem!);
        }

        try
        {
            await dispatcher.HandlerFor(queue).HandleAsync(message!, cancellationToken);
            return TypedResults.Ok(InvocationResponse.Done($"Handled message {message!.Id} from {queue}."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (message!.DequeueCount >= dispatcher.MaxDequeueCount)
            {
                // Park it ourselves and answer success, so the one poison list (GET /api/admin/poison) holds it under either host.
                await dispatcher.ParkAsync(queue, message.Id, message.Text, message.DequeueCount, ex, cancellationToken);
                return TypedResults.Ok(InvocationResponse.Done($"Message {message.Id} failed {message.DequeueCount} deliveries and was parked as poison: {ex.Message}"));
            }

            // A failure status makes the host deliver the message again later.
            return TypedResults.Json(InvocationResponse.Done($"Message {message.Id} failed: {ex.GetType().Name}: {ex.Message}"), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Reads the message text from <c>Data</c> (a string, or JSON the host parsed) and id and delivery count from <c>Metadata</c>.</summary>
    internal static bool TryReadQueueInvocation(JsonElement root, out InboundQueueMessage? message, out string? problem)
    {
        message = null;
        problem = null;
        if (root.ValueKind != JsonValueKind.Object || Member(root, "Data") is not { ValueKind: JsonValueKind.Object } data)
        {
            problem = "An invocation has a \"Data\" object holding the trigger's binding.";
            return false;
        }

        var binding = data.EnumerateObject().FirstOrDefault();
        if (binding.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            problem = "\"Data\" holds no queue message.";
            return false;
        }

        var text = binding.Value.ValueKind == JsonValueKind.String ? binding.Value.GetString()! : binding.Value.GetRawText();
        long dequeueCount = 1;
        var id = Guid.NewGuid().ToString("N");
        if (Member(root, "Metadata") is { ValueKind: JsonValueKind.Object } metadata)
        {
            if (Member(metadata, "DequeueCount") is { ValueKind: JsonValueKind.Number } count)
            {
                dequeueCount = count.GetInt64();
            }
            else if (Member(metadata, "DequeueCount") is { ValueKind: JsonValueKind.String } countText && long.TryParse(countText.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                dequeueCount = parsed;
            }

            if (Member(metadata, "Id") is { ValueKind: JsonValueKind.String } messageId)
            {
                id = messageId.GetString()!;
            }
        }

        message = new InboundQueueMessage(id, text, dequeueCount);
        return true;
    }

    /// <summary>The host writes PascalCase members; accept any case rather than fail on a spelling.</summary>
    private static JsonElement? Member(JsonElement element, string name) =>
        element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
}
