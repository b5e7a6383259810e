namespace SupportFunctions.Domain.Policies;

/// <summary>Limits on uploaded files: sizes, and the content types accepted (empty: any).</summary>
public sealed record AttachmentRules
{
    /// <summary>Largest file accepted in the request body; larger files go through a time-limited upload URL.</summary>
    public long MaxDirectUploadBytes { get; init; } = 4 * 1024 * 1024;

    public long MaxBytes { get; init; } = 500L * 1024 * 1024;

    public IReadOnlyList<string> AllowedContentTypes { get; init; } = [];

    /// <summary>How long an upload URL stays valid.</summary>
    public TimeSpan UploadUrlLifetime { get; init; } = TimeSpan.FromMinutes(15);
}
