using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>
/// Placed before the SDK's retry policy: when every try failed without an answer (refused, reset, or no answer within
/// the network timeout), Azure.Core throws an <see cref="AggregateException"/> of them, or the one try's exception; this
/// turns it into one <see cref="RequestFailedException"/> with status 0 and error code <c>ServiceUnreachable</c>, so
/// callers handle "storage is down" or "storage stalls" with the same catch as any other failure (a 503 to a client).
/// A cancellation the caller asked for stays a cancellation.
/// </summary>
internal sealed class StorageUnreachablePolicy(string service) : HttpPipelinePolicy
{
    public const string ErrorCode = "ServiceUnreachable";

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => Unanswered(message, e)))
        {
            throw Unreachable(message, ex);
        }
        catch (OperationCanceledException ex) when (Unanswered(message, ex))
        {
            throw Unreachable(message, new AggregateException(ex));
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => Unanswered(message, e)))
        {
            throw Unreachable(message, ex);
        }
        catch (OperationCanceledException ex) when (Unanswered(message, ex))
        {
            throw Unreachable(message, new AggregateException(ex));
        }
    }

    /// <summary>No answer: unreachable (status 0), or the network timeout ran out while nobody cancelled the call.</summary>
    private static bool Unanswered(HttpMessage message, Exception exception) =>
        exception is RequestFailedException { Status: 0 }
        || (exception is OperationCanceledException && !message.CancellationToken.IsCancellationRequested);

    private RequestFailedException Unreachable(HttpMessage message, AggregateException ex) =>
        new(0, $"{service} storage at {message.Request.Uri.Host}:{message.Request.Uri.Port} did not answer after {ex.InnerExceptions.Count} tries: {ex.InnerExceptions[^1].Message}", ErrorCode, ex);
}
