namespace SupportFunctions.Domain.Cases;

/// <summary>An uploaded file that exists in storage with the given size; only such files satisfy attachment rules.</summary>
public sealed record ConfirmedAttachment(string Id, string FileName, string ContentType, long Size, string? Kind);
