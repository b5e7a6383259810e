namespace SupportFunctions.App.Uploads;

/// <summary>
/// Where to send the file: PUT it to <see cref="UploadUrl"/> with header <c>x-ms-blob-type: BlockBlob</c> before
/// <see cref="ExpiresAt"/>. The URL can create the file once and cannot read or delete anything.
/// </summary>
public sealed record UploadTicket(string Id, Uri? UploadUrl, DateTimeOffset? ExpiresAt, string Method, IReadOnlyDictionary<string, string> Headers, bool Confirmed);
