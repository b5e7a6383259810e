namespace SupportFunctions.App.Cases;

/// <summary>A staged upload (from <c>POST /api/uploads</c>) to attach, and what kind of file it is for the category's rules.</summary>
public sealed record AttachmentReference(string UploadId, string? Kind);
