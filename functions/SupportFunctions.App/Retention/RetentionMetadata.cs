using System.Globalization;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Retention;

/// <summary>The blob metadata that tells retention what a blob is and when it goes: data class, expiry, and its case.</summary>
public static class RetentionMetadata
{
    public const string DataClass = "dataclass";
    public const string ExpiresAt = "expiresat";
    public const string CaseNumber = "casenumber";

    public static Dictionary<string, string> For(SupportPolicy policy, string dataClass, DateTimeOffset writtenAt, string? caseNumber = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var metadata = new Dictionary<string, string> { [DataClass] = dataClass };
        if (policy.ExpiresAt(dataClass, writtenAt) is { } expires)
        {
            metadata[ExpiresAt] = expires.ToString("O", CultureInfo.InvariantCulture);
        }

        if (caseNumber is not null)
        {
            metadata[CaseNumber] = caseNumber;
        }

        return metadata;
    }
}
