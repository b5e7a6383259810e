using Azure;

namespace SupportFunctions.Storage;

/// <summary>
/// The one place a storage SDK failure becomes one of ours: 412 is a concurrency failure, 409 a conflict, anything else
/// stays the SDK's <see cref="RequestFailedException"/> (status 0 when the service could not be reached).
/// </summary>
public static class StorageFailures
{
    /// <summary>Statuses worth retrying later: unreachable, timeout, throttled, server busy or failing.</summary>
    public static bool IsTransient(RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;
    }

    /// <summary>The typed exception for a 409 or 412; null for every other status, which callers rethrow as it is.</summary>
    public static RequestFailedException? Translate(RequestFailedException exception, string operation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status switch
        {
            409 => new StorageConflictException(exception.ErrorCode, $"{operation}: {exception.ErrorCode ?? "Conflict"}.", exception),
            412 => new StorageConcurrencyException(exception.ErrorCode, $"{operation}: the item changed since it was read ({exception.ErrorCode ?? "ConditionNotMet"}).", exception),
            _ => null,
        };
    }
}
