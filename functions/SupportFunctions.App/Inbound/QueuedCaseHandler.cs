using System.Text.Json;
using System.Text.Json.Nodes;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Queues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// <c>cases-inbound</c>: integrators inside the customer's Azure estate queue the JSON of <c>POST /api/cases</c> plus
/// <c>requester</c> ({contactId, accountId} or {email}) and <c>idempotencyKey</c>. Access to the storage account is the
/// trust boundary; the policy still judges the named requester. A valid message opens its case once; an invalid or
/// refused one goes to the rejected list with its problem details — never retried forever, never dropped.
/// </summary>
public sealed class QueuedCaseHandler(SupportPolicy policy, CaseIntakeService intake, DirectoryRepository directory, InboundRecordRepository records, TimeProvider time, ILogger<QueuedCaseHandler> logger) : IQueueHandler
{
    public string Queue => StorageLayout.CasesInboundQueue;

    public async Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(message.Text) as JsonObject;
        }
        catch (JsonException ex)
        {
            await RejectAsync(message, 400, "The message is not JSON.", ex.Message.Split(" Path:")[0], null, cancellationToken);
            return;
        }

        if (root is null)
        {
            await RejectAsync(message, 400, "The message is not a JSON object.", "Queue the JSON object of POST /api/cases with requester and idempotencyKey.", null, cancellationToken);
            return;
        }

        var errors = new ErrorMap();
        var key = root["idempotencyKey"] is JsonValue k && k.TryGetValue<string>(out var keyText) && !string.IsNullOrWhiteSpace(keyText) ? keyText.Trim() : null;
        if (key is null)
        {
            errors.Add("idempotencyKey", "is required: a key unique to this case request, so a redelivered message opens one case");
        }

        var requester = await RequesterAsync(root["requester"] as JsonObject, errors, cancellationToken);
        root.Remove("idempotencyKey");
        root.Remove("requester");
        using var caseJson = JsonDocument.Parse(root.ToJsonString());
        var read = CaseRequestReader.Read(caseJson.RootElement, policy, errors);
        if (read.Attachments.Count > 0)
        {
            errors.Add("attachments", "queued case requests cannot attach files; upload them to the case after it opens");
        }

        if (errors.Count > 0 || requester is null)
        {
            var invalid = intake.Invalid(errors, read.Submission, requester);
            await RejectAsync(message, 422, "The request breaks one or more rules.", $"{invalid.Errors.Count} field(s) need attention.", invalid.Errors, cancellationToken);
            return;
        }

        var identity = requester.Contact?.Id ?? EmailAddress.Normalize(requester.Email);
        var request = new CaseOpeningRequest(requester, read.Submission, "queue:" + identity, new IdempotencyClaim("queue:" + identity, key!, IdempotencyRepository.Hash(caseJson.RootElement.GetRawText())));
        switch (await intake.OpenAsync(request, cancellationToken))
        {
            case CaseCreation.Invalid invalid:
                await RejectAsync(message, 422, "The request breaks one or more rules.", $"{invalid.Errors.Count} field(s) need attention.", invalid.Errors, cancellationToken);
                break;
            case CaseCreation.Refused refused:
                await RejectAsync(message, 403, "The requester may not open this case.", refused.Reason, null, cancellationToken);
                break;
            case CaseCreation.KeyReused reused:
                await RejectAsync(message, 409, "The idempotency key was used for another request.", $"Key \"{key}\" already opened case {reused.CaseNumber} with different content.", null, cancellationToken);
                break;
        }
    }

    /// <summary>By contact id (with its account id), or by email: a registered contact's address makes them the requester.</summary>
    private async Task<Requester?> RequesterAsync(JsonObject? requester, ErrorMap errors, CancellationToken cancellationToken)
    {
        string? Text(string name) => requester?[name] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        var (contactId, accountId, email) = (Text("contactId"), Text("accountId"), Text("email"));
        if (contactId is not null)
        {
            if (accountId is null)
            {
                errors.Add("requester.accountId", "is required with requester.contactId");
                return null;
            }

            var contact = await directory.GetContactAsync(accountId, contactId, cancellationToken);
            var account = await directory.GetAccountAsync(accountId, cancellationToken);
            if (contact is null || account is null)
            {
                errors.Add("requester.contactId", $"there is no contact {contactId} in account {accountId}");
                return null;
            }

            return Requester.ForContact("queue", contact.Value.Contact, account.Value.Account);
        }

        if (email is null || !EmailAddress.IsValid(email))
        {
            errors.Add("requester", "must name the requester: {\"contactId\", \"accountId\"} or {\"email\"} (a valid address)");
            return null;
        }

        if (await directory.FindContactByEmailAsync(email, cancellationToken) is { } byEmail && await directory.GetAccountAsync(byEmail.AccountId, cancellationToken) is { } owner)
        {
            return Requester.ForContact("queue", byEmail, owner.Account);
        }

        return Requester.Anonymous("queue", email, Text("name"));
    }

    private async Task RejectAsync(InboundQueueMessage message, int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors, CancellationToken cancellationToken)
    {
        Logs.QueuedCaseRejected(logger, message.Id, detail);
        var problem = new Dictionary<string, object?>
        {
            ["type"] = Problems.TypeUri(status switch { 422 => "validation", 403 => "not-entitled", 409 => "idempotency-key-reused", _ => "bad-request" }),
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (errors is not null)
        {
            problem["errors"] = errors;
        }

        var now = time.GetUtcNow();
        await records.RecordAsync(new InboundRecord
        {
            Id = message.Id,
            Disposition = "rejected",
            Channel = InboundChannels.Queue,
            ReceivedAt = now,
            Reason = detail,
            ProblemJson = JsonSerializer.Serialize(problem),
            Source = message.Text,
            DataClass = InboundChannels.DataClassOf(InboundChannels.Queue),
            ExpiresAt = policy.ExpiresAt(InboundChannels.DataClassOf(InboundChannels.Queue), now),
        }, cancellationToken);
    }
}
