namespace SupportFunctions.Domain.Cases;

/// <summary>Names of the standard case fields; error maps use them, and category fields may not reuse them.</summary>
public static class FieldIds
{
    public const string Subject = "subject";
    public const string Description = "description";
    public const string Category = "category";
    public const string ProductAreas = "productAreas";
    public const string Severity = "severity";
    public const string Environment = "environment";
    public const string OccurredAt = "occurredAt";
    public const string Cc = "cc";
    public const string Impact = "impact";
    public const string Urgency = "urgency";
    public const string Unavailability = "unavailability";
    public const string Workaround = "workaround";
    public const string Attachments = "attachments";
    public const string Requester = "requester";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        Subject, Description, Category, ProductAreas, Severity, Environment, OccurredAt, Cc, Impact, Urgency, Unavailability, Workaround, Attachments, Requester,
    };

    /// <summary>Standard fields a category may make mandatory.</summary>
    public static IReadOnlyList<string> Requirable { get; } = [Environment, OccurredAt, ProductAreas, Unavailability, Workaround, Impact, Urgency];

    public static bool IsReserved(string id) => Reserved.Contains(id);

    public static bool IsRequirable(string id) => Requirable.Contains(id, StringComparer.Ordinal);

    /// <summary>The error-map key of a category field: <c>fields.pipelineKey</c>.</summary>
    public static string OfCategoryField(string id) => "fields." + id;
}
