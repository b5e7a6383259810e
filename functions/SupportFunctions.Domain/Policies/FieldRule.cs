namespace SupportFunctions.Domain.Policies;

/// <summary>One piece of information a category needs, with its type's rules.</summary>
public sealed record FieldRule
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public FieldType Type { get; init; } = FieldType.Text;

    public bool Required { get; init; }

    /// <summary>Required only when another field has a given value (e.g. a postal-code list only for US data).</summary>
    public FieldCondition? RequiredWhen { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Allowed values of an enum field.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>For attachment fields: the kind of file the requester must upload (e.g. boundaryShapefile).</summary>
    public string? AttachmentKind { get; init; }

    /// <summary>For attachment fields: accepted file extensions (".shp", ".zip"); empty: any.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Why the field is needed, shown with the error when it is missing.</summary>
    public string? Hint { get; init; }
}
