namespace SupportFunctions.Domain.Directory;

/// <summary>A reseller or service partner that creates and looks after customer accounts of its own (the telephony-partner model).</summary>
public sealed record Partner
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}
