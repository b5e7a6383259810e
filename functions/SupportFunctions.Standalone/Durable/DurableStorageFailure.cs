using Azure;
using SupportFunctions.App.Durable;

namespace SupportFunctions.Standalone.Durable;

/// <summary>
/// The provider wraps the storage SDK's <see cref="RequestFailedException"/> in exception types of its own; unwrapped,
/// the app treats it like any other storage failure (a 503 with Retry-After when transient).
/// </summary>
internal static class DurableStorageFailure
{
    public static RequestFailedException? Unwrap(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RequestFailedException storage)
            {
                return storage;
            }
        }

        return null;
    }
}
