using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Partners;

/// <summary>
/// Support contacts of partner-created accounts, for partners and administrators alike: validated against the
/// account's partner users and the policy's minimum, saved under the account's ETag, shown with names, and resolved to
/// the addresses a problem report goes to.
/// </summary>
public sealed class SupportContactDirectory(DirectoryRepository directory, SupportPolicy policy)
{
    public int Minimum => policy.PartnerSupport?.MinSupportContacts ?? 1;

    /// <summary>Validated contacts, or every problem by field.</summary>
    public async Task<(IReadOnlyList<SupportContact> Contacts, ErrorMap Errors)> CheckAsync(string partnerId, IReadOnlyList<SupportContact>? contacts, CancellationToken cancellationToken)
    {
        var users = await directory.ListPartnerUsersAsync(partnerId, cancellationToken);
        return SupportContactRules.Check(contacts, users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal), Minimum);
    }

    /// <summary>Replaces the account's contacts; answers the view, a validation problem, or 412 when the account changed meanwhile.</summary>
    public async Task<IResult> ReplaceAsync(CustomerAccount account, string etag, IReadOnlyList<SupportContact>? contacts, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(response);
        var (checkedContacts, errors) = await CheckAsync(account.PartnerId!, contacts, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var updated = account with { SupportContacts = checkedContacts };
        try
        {
            response.Headers.ETag = await directory.UpdateAccountAsync(updated, etag, cancellationToken);
        }
        catch (StorageConcurrencyException)
        {
            return Problems.PreconditionFailed("account");
        }

        return TypedResults.Ok(await ViewsAsync(updated, cancellationToken));
    }

    /// <summary>Adds one contact (a contact already there is not added twice).</summary>
    public Task<IResult> AddAsync(CustomerAccount account, string etag, SupportContact contact, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ReplaceAsync(account, etag, [.. account.SupportContacts, contact], response, cancellationToken);
    }

    /// <summary>Removes the contact with <paramref name="key"/>; 404 when the account has none, 422 when it would leave too few.</summary>
    public async Task<IResult> RemoveAsync(CustomerAccount account, string etag, string key, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var remaining = account.SupportContacts.Where(c => !string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (remaining.Count == account.SupportContacts.Count)
        {
            return Problems.NotFound($"Account {account.Id} has no support contact {key}.");
        }

        return await ReplaceAsync(account, etag, remaining, response, cancellationToken);
    }

    public async Task<IReadOnlyList<SupportContactView>> ViewsAsync(CustomerAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Views(account, await UsersAsync(account.PartnerId, cancellationToken));
    }

    /// <summary>Where the account's problem reports go: each contact's address once (a user removed since is skipped).</summary>
    public async Task<IReadOnlyList<string>> EmailsAsync(CustomerAccount account, CancellationToken cancellationToken) =>
        (await ViewsAsync(account, cancellationToken)).Select(v => v.Email).OfType<string>().DistinctBy(EmailAddress.Normalize).ToList();

    public async Task<PartnerAccountView> ViewAsync(CustomerAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return View(account, await UsersAsync(account.PartnerId, cancellationToken));
    }

    /// <summary>Views of one partner's accounts, reading its users once for all of them.</summary>
    public async Task<IReadOnlyList<PartnerAccountView>> ViewsOfAsync(string partnerId, IEnumerable<CustomerAccount> accounts, CancellationToken cancellationToken)
    {
        var users = await UsersAsync(partnerId, cancellationToken);
        return accounts.Select(a => View(a, users)).ToList();
    }

    private static PartnerAccountView View(CustomerAccount account, Dictionary<string, PartnerUser> users) =>
        new(account.Id, account.Name, account.TimeZone, account.Region, account.Language, account.ContractStatus, account.PartnerId ?? string.Empty, Views(account, users));

    private static List<SupportContactView> Views(CustomerAccount account, Dictionary<string, PartnerUser> users) =>
        account.SupportContacts.Select(c => c.UserId is { } id
                ? new SupportContactView(c.Key, id, users.GetValueOrDefault(id)?.Name, users.GetValueOrDefault(id)?.Email)
                : new SupportContactView(c.Key, null, null, c.Email))
            .ToList();

    private async Task<Dictionary<string, PartnerUser>> UsersAsync(string? partnerId, CancellationToken cancellationToken) =>
        partnerId is null ? [] : (await directory.ListPartnerUsersAsync(partnerId, cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
}
