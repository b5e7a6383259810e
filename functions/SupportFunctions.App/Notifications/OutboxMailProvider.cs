using System.Globalization;
using System.Text.Json;
using Azure;
using SupportFunctions.Storage.Blobs;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Local mode: "sending" stores the rendered mail as JSON in the outbox container (<c>GET /api/admin/outbox</c> lists
/// them). The blob name is the intent's creation time and id and the write is create-only, so each intent is stored
/// exactly once however often it is attempted.
/// </summary>
public sealed class OutboxMailProvider(OutboxMailStore outbox) : IMailProvider
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => MailProviders.Outbox;

    public static string BlobName(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return $"{mail.CreatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{mail.IntentId}.json";
    }

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        try
        {
            await outbox.StoreAsync(BlobName(mail), JsonSerializer.SerializeToUtf8Bytes(mail, Json), mail.CaseNumber, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 429 or >= 500)
        {
            return MailSendResult.Transient($"The outbox container answered {ex.Status} ({ex.ErrorCode}).");
        }

        return MailSendResult.Accepted(BlobName(mail));
    }

    public async Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        await outbox.ExistsAsync(BlobName(mail), cancellationToken);
}
