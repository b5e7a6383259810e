namespace SupportFunctions.Domain.Retention;

public enum RetentionVerdict
{
    /// <summary>Expired and not held: delete it.</summary>
    Purge,

    /// <summary>Its window has not ended.</summary>
    Unexpired,

    /// <summary>Expired, but a legal hold on its case or account keeps it.</summary>
    Held,

    /// <summary>Its class is kept (no expiry).</summary>
    Kept,
}
