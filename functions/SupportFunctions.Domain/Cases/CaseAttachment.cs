namespace SupportFunctions.Domain.Cases;

/// <summary>A file on a case. It counts (toward required-attachment rules, in views) only once storage confirmed it.</summary>
public sealed record CaseAttachment
{
    public required string Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required long Size { get; init; }

    public string? Kind { get; init; }

    public required string BlobName { get; init; }

    public required string UploadedBy { get; init; }

    public required DateTimeOffset AddedAt { get; init; }

    public bool Confirmed { get; init; }

    /// <summary>When retention deletes the file (from the policy's uploadedDataFiles window).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The file as attachment rules judge it.</summary>
    public ConfirmedAttachment Confirmation => new(Id, FileName, ContentType, Size, Kind);
}
