using System.Globalization;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Uploads;

/// <summary>
/// Files from customers: a short-lived URL for large files, or a direct upload for small ones; staged before a case
/// exists or added to a case. A URL writes only a landing blob (<see cref="LandingPrefix"/>); confirming moves the
/// bytes into place under the server's name, with the data class and expiry of the server's record of the ticket, and
/// deletes the landing blob. So an uploader can neither choose its file's retention (metadata it sends stays on the
/// landing blob, which retention does not trust) nor change the file once the case has it.
/// </summary>
public sealed class UploadService(SupportPolicy policy, CaseFileStore files, UploadRepository staged, CaseChanges changes, TimeProvider time)
{
    /// <summary>Where upload URLs write: untrusted bytes until confirmed, purged by their last write whatever they claim.</summary>
    public const string LandingPrefix = "landing/";

    private AttachmentRules Rules => policy.Intake.Attachments;

    public static string OwnerOf(Caller caller) => $"{caller.Kind.ToString().ToLowerInvariant()}|{caller.Id}";

    /// <summary>Checks an upload request; every problem by field.</summary>
    public Dictionary<string, string[]> Validate(UploadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorMap();
        if (string.IsNullOrWhiteSpace(request.FileName) || request.FileName.Length > 200 || SafeFileName(request.FileName) != request.FileName.Trim())
        {
            errors.Add("fileName", "must be a plain file name (no folders), 1 to 200 characters");
        }

        // A media type and nothing else: no control characters (CR/LF would split the header it is stored in).
        if (string.IsNullOrWhiteSpace(request.ContentType) || request.ContentType.Any(char.IsControl)
            || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || media.SubType.Length == 0)
        {
            errors.Add("contentType", "must be a media type such as text/csv");
        }
        else if (Rules.AllowedContentTypes.Count > 0 && !Rules.AllowedContentTypes.Contains(request.ContentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("contentType", $"\"{request.ContentType}\" is not accepted; one of {string.Join(", ", Rules.AllowedContentTypes)}");
        }

        if (request.Size <= 0 || request.Size > Rules.MaxBytes)
        {
            errors.Add("size", $"must be between 1 and {Rules.MaxBytes} bytes");
        }

        return errors.ToDictionary();
    }

    /// <summary>Records a staged upload and returns the URL to PUT the file to.</summary>
    public async Task<UploadTicket> StageAsync(Caller caller, UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var id = NewId();
        var blobName = $"staged/{caller.Kind.ToString().ToLowerInvariant()}-{caller.Id}/{id}/{SafeFileName(request.FileName)}";
        await staged.CreateAsync(new StagedUpload(OwnerOf(caller), id, SafeFileName(request.FileName), request.ContentType, request.Size, request.Kind, blobName, now, ExpiryFrom(now, request.Kind), policy.DataClassOfUpload(request.Kind)), cancellationToken);
        return await TicketAsync(id, request.FileName, now, cancellationToken);
    }

    /// <summary>Stores a small file sent in the request body and records it as a confirmed staged upload.</summary>
    public async Task<UploadTicket> StageDirectAsync(Caller caller, IFormFile file, string? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = time.GetUtcNow();
        var id = NewId();
        var name = SafeFileName(file.FileName);
        var blobName = $"staged/{caller.Kind.ToString().ToLowerInvariant()}-{caller.Id}/{id}/{name}";
        await using (var content = file.OpenReadStream())
        {
            await files.StoreAsync(blobName, content, ContentTypeOf(file), Metadata(now, kind, null), overwrite: false, cancellationToken);
        }

        await staged.CreateAsync(new StagedUpload(OwnerOf(caller), id, name, ContentTypeOf(file), file.Length, kind, blobName, now, ExpiryFrom(now, kind), policy.DataClassOfUpload(kind)), cancellationToken);
        return new UploadTicket(id, null, null, "none", new Dictionary<string, string>(), Confirmed: true);
    }

    /// <summary>
    /// Resolves a request's attachment references to files that exist: each must be the caller's own staged upload and
    /// its blob must exist, be non-empty and within the size limit. Problems go to <paramref name="errors"/> by index.
    /// </summary>
    public async Task<IReadOnlyList<CaseAttachment>> ConfirmStagedAsync(Caller caller, IReadOnlyList<AttachmentReference> references, Domain.Cases.ErrorMap errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(errors);
        var confirmed = new List<CaseAttachment>();
        for (var i = 0; i < references.Count; i++)
        {
            var key = $"attachments[{i}]";
            var upload = await staged.GetAsync(OwnerOf(caller), references[i].UploadId, cancellationToken);
            if (upload is null)
            {
                errors.Add(key, $"upload \"{references[i].UploadId}\" was not found among your uploads");
                continue;
            }

            var (size, problem) = await MoveIntoPlaceAsync(upload.Id, upload.FileName, upload.BlobName, upload.ContentType, RetentionMetadata.For(policy, upload.DataClass, upload.CreatedAt), $"upload \"{upload.Id}\" ({upload.FileName})", cancellationToken);
            if (problem is not null)
            {
                errors.Add(key, problem);
                continue;
            }

            confirmed.Add(new CaseAttachment
            {
                Id = upload.Id,
                FileName = upload.FileName,
                ContentType = upload.ContentType,
                Size = size,
                Kind = references[i].Kind ?? upload.Kind,
                BlobName = upload.BlobName,
                UploadedBy = caller.Actor,
                AddedAt = upload.CreatedAt,
                Confirmed = true,
                ExpiresAt = upload.ExpiresAt,
            });
        }

        return confirmed;
    }

    /// <summary>Adds an unconfirmed attachment to a case and returns the URL to PUT it to.</summary>
    public async Task<UploadTicket> RequestCaseUploadAsync(Caller caller, StoredCase stored, UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var id = NewId();
        var attachment = new CaseAttachment
        {
            Id = id,
            FileName = SafeFileName(request.FileName),
            ContentType = request.ContentType,
            Size = request.Size,
            Kind = request.Kind,
            BlobName = $"cases/{stored.Case.Number}/{id}/{SafeFileName(request.FileName)}",
            UploadedBy = caller.Actor,
            AddedAt = now,
            Confirmed = false,
            ExpiresAt = ExpiryFrom(now, request.Kind),
        };
        await ChangeAsync(stored, attachment, "attachment-requested", caller.Actor, now, cancellationToken);
        return await TicketAsync(id, attachment.FileName, now, cancellationToken);
    }

    /// <summary>Stores a small file on a case directly; it is confirmed at once.</summary>
    public async Task<CaseAttachment> UploadToCaseAsync(Caller caller, StoredCase stored, IFormFile file, string? kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(file);
        var now = time.GetUtcNow();
        var id = NewId();
        var name = SafeFileName(file.FileName);
        var blobName = $"cases/{stored.Case.Number}/{id}/{name}";
        await using (var content = file.OpenReadStream())
        {
            await files.StoreAsync(blobName, content, ContentTypeOf(file), Metadata(now, kind, stored.Case.Number), overwrite: false, cancellationToken);
        }

        var attachment = new CaseAttachment
        {
            Id = id, FileName = name, ContentType = ContentTypeOf(file), Size = file.Length, Kind = kind, BlobName = blobName,
            UploadedBy = caller.Actor, AddedAt = now, Confirmed = true, ExpiresAt = ExpiryFrom(now, kind),
        };
        await ChangeAsync(stored, attachment, "attachment-added", caller.Actor, now, cancellationToken);
        return attachment;
    }

    /// <summary>
    /// Stores a file that came with a mail as a confirmed attachment, under a name fixed by the caller so a redelivery
    /// overwrites the same blob; null when the file is over the policy's size limit (it stays in the stored mail).
    /// </summary>
    public async Task<CaseAttachment?> StoreReceivedAsync(string blobPrefix, string id, string fileName, string contentType, ReadOnlyMemory<byte> content, string uploadedBy, CancellationToken cancellationToken)
    {
        if (content.Length > Rules.MaxBytes)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var name = SafeFileName(fileName);
        var blobName = $"{blobPrefix}{id}/{name}";
        using (var stream = new MemoryStream(content.ToArray(), writable: false))
        {
            await files.StoreAsync(blobName, stream, contentType, Metadata(now, null, null), overwrite: true, cancellationToken);
        }

        return new CaseAttachment
        {
            Id = id, FileName = name, ContentType = contentType, Size = content.Length, BlobName = blobName,
            UploadedBy = uploadedBy, AddedAt = now, Confirmed = true, ExpiresAt = ExpiryFrom(now, null),
        };
    }

    /// <summary>Confirms an attachment uploaded through its URL: the blob must exist, be non-empty and within limits.</summary>
    public async Task<(CaseAttachment? Attachment, string? Problem)> ConfirmCaseUploadAsync(Caller caller, StoredCase stored, CaseAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.Confirmed)
        {
            return (attachment, null);
        }

        var (size, problem) = await MoveIntoPlaceAsync(attachment.Id, attachment.FileName, attachment.BlobName, attachment.ContentType, Metadata(attachment.AddedAt, attachment.Kind, stored.Case.Number), $"attachment \"{attachment.Id}\"", cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var confirmed = attachment with { Size = size, Confirmed = true };
        await ChangeAsync(stored, confirmed, "attachment-added", caller.Actor, time.GetUtcNow(), cancellationToken);
        return (confirmed, null);
    }

    /// <summary>
    /// Records the attachment on the case through <see cref="CaseChanges"/>, like every other change: on a concurrent
    /// edit it reads the case again and applies the attachment event on top, instead of failing the upload.
    /// </summary>
    private async Task ChangeAsync(StoredCase stored, CaseAttachment attachment, string eventType, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, string>
        {
            ["attachmentId"] = attachment.Id,
            ["fileName"] = attachment.FileName,
            ["size"] = attachment.Size.ToString(CultureInfo.InvariantCulture),
        };
        if (attachment.Kind is not null)
        {
            data["kind"] = attachment.Kind;
        }

        await changes.ApplyAsync(
            stored.Case.Number,
            current => new CaseChange(new CaseChangeBuilder(current.Case, now, actor).Record(eventType, data)) { Attachments = [attachment], SignalsSla = false },
            cancellationToken);
    }

    private async Task<UploadTicket> TicketAsync(string id, string fileName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expires = now + Rules.UploadUrlLifetime;
        var url = await files.UploadUrlAsync(LandingName(id, fileName), expires, cancellationToken);
        return new UploadTicket(id, url, expires, "PUT", new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" }, Confirmed: false);
    }

    private static string LandingName(string id, string fileName) => $"{LandingPrefix}{id}/{SafeFileName(fileName)}";

    /// <summary>
    /// Moves an uploaded file from its landing blob to <paramref name="finalName"/>, written create-only by us with
    /// <paramref name="metadata"/>; answers its size, or what is wrong. Already in place (a retried confirmation): its size.
    /// </summary>
    private async Task<(long Size, string? Problem)> MoveIntoPlaceAsync(string id, string fileName, string finalName, string contentType, IReadOnlyDictionary<string, string> metadata, string what, CancellationToken cancellationToken)
    {
        if (await files.SizeAsync(finalName, cancellationToken) is { } placed)
        {
            return (placed, null);
        }

        var landing = LandingName(id, fileName);
        long copied;
        using (var download = await files.OpenAsync(landing, cancellationToken))
        {
            if (download is null || download.Length == 0)
            {
                return (0, $"{what} holds no file yet: PUT the file to its uploadUrl first");
            }

            if (download.Length > Rules.MaxBytes)
            {
                return (0, $"{what} is {download.Length} bytes; at most {Rules.MaxBytes}");
            }

            // At most the limit is read, so bytes written to the landing blob meanwhile cannot make it larger.
            await using var limited = new LimitedReadStream(download.Content, Rules.MaxBytes + 1);
            try
            {
                await files.StoreAsync(finalName, limited, contentType, metadata, overwrite: false, cancellationToken);
                copied = limited.Position;
            }
            catch (SupportFunctions.Storage.StorageConflictException)
            {
                // A concurrent confirmation put it in place first: theirs stands.
                copied = await files.SizeAsync(finalName, cancellationToken) ?? 0;
            }
        }

        if (copied is 0 || copied > Rules.MaxBytes)
        {
            await files.DeleteAsync(finalName, cancellationToken);
            return (0, $"{what} changed while it was confirmed; PUT the file once and confirm again");
        }

        await files.DeleteAsync(landing, cancellationToken);
        return (copied, null);
    }

    /// <summary>Uploads are kept per the class of their kind (an SMS delivery log for its 24 hours, other files 30 days).</summary>
    private DateTimeOffset? ExpiryFrom(DateTimeOffset now, string? kind) => policy.ExpiresAt(policy.DataClassOfUpload(kind), now);

    private Dictionary<string, string> Metadata(DateTimeOffset now, string? kind, string? caseNumber) => RetentionMetadata.For(policy, policy.DataClassOfUpload(kind), now, caseNumber);

    private static string ContentTypeOf(IFormFile file) => string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;

    private static string NewId() => Guid.NewGuid().ToString("N")[..20];

    /// <summary>The last path segment, without control characters: what we store the file as.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/').Split('/').Last().Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "file" : name;
    }
}
