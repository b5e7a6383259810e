using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Local mode: "sending" stores the rendered mail as JSON in the outbox container (<c>GET /api/admin/outbox</c> lists
/// them). The blob name is the intent's creation time and id and the write is create-only, so each intent is stored
/// exactly once however often it is attempted.
/// </summary>
public sealed class OutboxMailProvider(StorageLayout layout) : IMailProvider
{
    public const string DataClass = "outboundEmail";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => MailProviders.Outbox;

    public static string BlobName(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return $"{mail.CreatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{mail.IntentId}.json";
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(mail, Json));
        try
        {
            await layout.Container(StorageLayout.OutboxContainer).UploadAsync(BlobName(mail), content, "application/json", new Dictionary<string, string> { ["dataclass"] = DataClass, ["casenumber"] = mail.CaseNumber }, overwrite: false, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Stored by an earlier attempt: the same mail, not a second one.
        }
        catch (RequestFailedException ex) when (ex.Status is 429 or >= 500)
        {
            return MailSendResult.Transient($"The outbox container answered {ex.Status} ({ex.ErrorCode}).");
        }

        return MailSendResult.Accepted(BlobName(mail));
    }

    public async Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        await layout.Container(StorageLayout.OutboxContainer).GetPropertiesOrNullAsync(BlobName(mail), cancellationToken) is not null;
}
