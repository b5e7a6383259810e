using System.Text.Json;

namespace SupportFunctions.App.Queues;

/// <summary>
/// The form of every message the app puts on its queues: JSON in web casing. A message that is not JSON, or lacks what
/// its handler needs, is a <see cref="FormatException"/>, which the dispatcher parks as poison after its deliveries.
/// </summary>
public static class QueueMessageJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Json);

    public static T Read<T>(string text, Func<T, bool> complete, string expected)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(complete);
        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The message is not {expected}: {ex.Message}", ex);
        }

        return message is not null && complete(message) ? message : throw new FormatException($"The message is not {expected}.");
    }
}
