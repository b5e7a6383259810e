using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>
/// Placed before the SDK's retry policy: when every try failed without an answer, Azure.Core throws an
/// <see cref="AggregateException"/> of them; this turns it into one <see cref="RequestFailedException"/> with status 0
/// and error code <c>ServiceUnreachable</c>, so callers handle "storage is down" with the same catch as any other failure.
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
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException { Status: 0 }))
        {
            throw Unreachable(message, ex);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException { Status: 0 }))
        {
            throw Unreachable(message, ex);
        }
    }

    private RequestFailedException Unreachable(HttpMessage message, AggregateException ex) =>
        new(0, $"{service} storage at {message.Request.Uri.Host}:{message.Request.Uri.Port} could not be reached after {ex.InnerExceptions.Count} tries: {ex.InnerExceptions[^1].Message}", ErrorCode, ex);
}
