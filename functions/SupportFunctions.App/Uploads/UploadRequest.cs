namespace SupportFunctions.App.Uploads;

/// <summary>Asks for an upload URL: the file's name, type, size in bytes, and (optionally) its kind for category rules.</summary>
public sealed record UploadRequest(string FileName, string ContentType, long Size, string? Kind);
