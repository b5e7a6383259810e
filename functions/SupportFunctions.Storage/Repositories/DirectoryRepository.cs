using Azure.Data.Tables;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Customer accounts, their contacts (each email address belongs to one contact), and support agents.</summary>
public sealed class DirectoryRepository(StorageLayout layout)
{
    private long _revision;

    private TableClient Table => layout.Table(StorageLayout.DirectoryTable);

    /// <summary>Counts this process's writes of accounts and agents, so a reader that keeps them a while knows to read again.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    private async Task<string> ChangedAsync(Task<string> write)
    {
        var etag = await write;
        Interlocked.Increment(ref _revision);
        return etag;
    }

    /// <summary>Creates an account; an existing id throws <see cref="StorageConflictException"/>.</summary>
    public Task<string> CreateAccountAsync(CustomerAccount account, CancellationToken cancellationToken) =>
        ChangedAsync(Table.InsertAsync(DirectoryEntities.ToEntity(account), cancellationToken));

    public async Task<(CustomerAccount Account, string ETag)?> GetAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(DirectoryEntities.AccountPartition(accountId), DirectoryEntities.AccountRow, cancellationToken: cancellationToken);
        return entity is null ? null : (DirectoryEntities.ToAccount(entity), entity.ETag.ToString());
    }

    /// <summary>Replaces an account read earlier; a change in between throws <see cref="StorageConcurrencyException"/>.</summary>
    /// <summary>
    /// One page of accounts, by id; with <paramref name="namePrefix"/> only those whose name starts with it (as stored:
    /// the comparison is the table service's, case-sensitive). A filtered scan of the account rows.
    /// </summary>
    public async Task<(IReadOnlyList<CustomerAccount> Items, string? ContinuationToken)> PageAccountsAsync(string? namePrefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableFilter.RowKeyEquals(DirectoryEntities.AccountRow);
        if (!string.IsNullOrEmpty(namePrefix))
        {
            filter = filter.And(TableFilter.StartsWith("Name", namePrefix));
        }

        await foreach (var page in Table.QueryPagesAsync(filter, pageSize: pageSize, continuationToken: continuationToken, cancellationToken: cancellationToken))
        {
            return (page.Values.Select(DirectoryEntities.ToAccount).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    public Task<string> UpdateAccountAsync(CustomerAccount account, string etag, CancellationToken cancellationToken) =>
        ChangedAsync(Table.UpdateAsync(DirectoryEntities.ToEntity(account), etag, cancellationToken: cancellationToken));

    /// <summary>
    /// Creates a contact and claims its email address. Throws <see cref="StorageConflictException"/> with code
    /// "EmailInUse" when another contact has the address, or "EntityAlreadyExists" when the id is taken.
    /// </summary>
    public async Task<string> CreateContactAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await ClaimEmailAsync(contact, cancellationToken);
        try
        {
            var etag = await Table.InsertAsync(DirectoryEntities.ToEntity(contact), cancellationToken);
            await IndexPhoneAsync(null, contact, cancellationToken);
            return etag;
        }
        catch (StorageConflictException)
        {
            await ReleaseEmailAsync(contact.Email, contact.Id, cancellationToken);
            throw;
        }
    }

    public async Task<(Contact Contact, string ETag)?> GetContactAsync(string accountId, string contactId, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(DirectoryEntities.AccountPartition(accountId), DirectoryEntities.ContactPrefix + contactId, cancellationToken: cancellationToken);
        return entity is null ? null : (DirectoryEntities.ToContact(entity), entity.ETag.ToString());
    }

    /// <summary>Replaces a contact read earlier; a new email address is claimed first and the old one released after.</summary>
    public async Task<string> UpdateContactAsync(Contact before, Contact after, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var emailChanged = !string.Equals(EmailAddress.Normalize(before.Email), EmailAddress.Normalize(after.Email), StringComparison.Ordinal);
        if (emailChanged)
        {
            await ClaimEmailAsync(after, cancellationToken);
        }

        string newEtag;
        try
        {
            newEtag = await Table.UpdateAsync(DirectoryEntities.ToEntity(after), etag, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException) when (emailChanged)
        {
            await ReleaseEmailAsync(after.Email, after.Id, cancellationToken);
            throw;
        }

        if (emailChanged)
        {
            await ReleaseEmailAsync(before.Email, before.Id, cancellationToken);
        }

        await IndexPhoneAsync(before, after, cancellationToken);
        return newEtag;
    }

    public async Task<IReadOnlyList<Contact>> ListContactsAsync(string accountId, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(DirectoryEntities.AccountPartition(accountId)).And(TableFilter.StartsWith("RowKey", DirectoryEntities.ContactPrefix)), cancellationToken: cancellationToken)
            .Select(DirectoryEntities.ToContact)
            .ToListAsync(cancellationToken);

    /// <summary>The contact that owns an address (case-insensitive); null when none does.</summary>
    public async Task<Contact?> FindContactByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var claim = await Table.FindAsync(DirectoryEntities.EmailPartition(email), "contact", cancellationToken: cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var found = await GetContactAsync(claim.GetString("AccountId")!, claim.GetString("ContactId")!, cancellationToken);
        return found?.Contact;
    }

    /// <summary>
    /// Contacts whose phone is this E.164 number. Several contacts may share a number (an office line), so the phone
    /// index is not a claim: each contact has its own row under the number.
    /// </summary>
    public async Task<IReadOnlyList<Contact>> FindContactsByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var contacts = new List<Contact>();
        await foreach (var row in Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(PhonePartition(phone)), cancellationToken: cancellationToken))
        {
            // The index may lag a contact's change of number: trust the contact row, not the index row.
            if (await GetContactAsync(row.GetString("AccountId")!, row.GetString("ContactId")!, cancellationToken) is { } found && found.Contact.Phone == phone)
            {
                contacts.Add(found.Contact);
            }
        }

        return contacts;
    }

    private async Task IndexPhoneAsync(Contact? before, Contact after, CancellationToken cancellationToken)
    {
        if (after.Phone is { } phone)
        {
            await Table.UpsertAsync(new TableEntity(PhonePartition(phone), after.AccountId + "|" + after.Id) { ["AccountId"] = after.AccountId, ["ContactId"] = after.Id, ["DataClass"] = "directory" }, cancellationToken: cancellationToken);
        }

        if (before?.Phone is { } old && old != after.Phone)
        {
            await Table.DeleteAsync(PhonePartition(old), before.AccountId + "|" + before.Id, cancellationToken: cancellationToken);
        }
    }

    private static string PhonePartition(string phone) => "phone|" + phone;

    /// <summary>Stores the hash of an account's phone PIN (a row of its own, never part of the account document).</summary>
    public Task SetPhonePinHashAsync(string accountId, string hash, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new TableEntity(DirectoryEntities.AccountPartition(accountId), "phonepin") { ["Hash"] = hash, ["DataClass"] = "directory" }, cancellationToken: cancellationToken);

    public async Task<string?> GetPhonePinHashAsync(string accountId, CancellationToken cancellationToken) =>
        (await Table.FindAsync(DirectoryEntities.AccountPartition(accountId), "phonepin", cancellationToken: cancellationToken))?.GetString("Hash");

    public Task<string> CreateAgentAsync(SupportAgent agent, CancellationToken cancellationToken) =>
        ChangedAsync(Table.InsertAsync(DirectoryEntities.ToEntity(agent), cancellationToken));

    public async Task<SupportAgent?> GetAgentAsync(string agentId, CancellationToken cancellationToken) =>
        (await GetAgentWithETagAsync(agentId, cancellationToken))?.Agent;

    public async Task<(SupportAgent Agent, string ETag)?> GetAgentWithETagAsync(string agentId, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(DirectoryEntities.AgentsPartition, agentId, cancellationToken: cancellationToken);
        return entity is null ? null : (DirectoryEntities.ToAgent(entity), entity.ETag.ToString());
    }

    /// <summary>Replaces an agent read earlier; a change in between throws <see cref="StorageConcurrencyException"/>.</summary>
    public Task<string> UpdateAgentAsync(SupportAgent agent, string etag, CancellationToken cancellationToken) =>
        ChangedAsync(Table.UpdateAsync(DirectoryEntities.ToEntity(agent), etag, cancellationToken: cancellationToken));

    /// <summary>Every agent; the directory has tens of them, so team mail is resolved by one partition read.</summary>
    public async Task<IReadOnlyList<SupportAgent>> ListAgentsAsync(CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(DirectoryEntities.AgentsPartition), cancellationToken: cancellationToken)
            .Select(DirectoryEntities.ToAgent)
            .ToListAsync(cancellationToken);

    /// <summary>Creates a partner organisation; an existing id throws <see cref="StorageConflictException"/>.</summary>
    public Task<string> CreatePartnerAsync(Partner partner, CancellationToken cancellationToken) =>
        Table.InsertAsync(DirectoryEntities.ToEntity(partner), cancellationToken);

    public async Task<Partner?> GetPartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(DirectoryEntities.PartnerPartition(partnerId), DirectoryEntities.PartnerRow, cancellationToken: cancellationToken);
        return entity is null ? null : DirectoryEntities.ToPartner(entity);
    }

    /// <summary>Adds a user to a partner; an existing id throws <see cref="StorageConflictException"/>.</summary>
    public Task<string> CreatePartnerUserAsync(PartnerUser user, CancellationToken cancellationToken) =>
        Table.InsertAsync(DirectoryEntities.ToEntity(user), cancellationToken);

    /// <summary>Whether the partner had the user (and now does not); deleting one that is not there changes nothing.</summary>
    public Task<bool> DeletePartnerUserAsync(string partnerId, string userId, CancellationToken cancellationToken) =>
        Table.DeleteAsync(DirectoryEntities.PartnerPartition(partnerId), DirectoryEntities.PartnerUserPrefix + userId, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<PartnerUser>> ListPartnerUsersAsync(string partnerId, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(DirectoryEntities.PartnerPartition(partnerId)).And(TableFilter.StartsWith("RowKey", DirectoryEntities.PartnerUserPrefix)), cancellationToken: cancellationToken)
            .Select(DirectoryEntities.ToPartnerUser)
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates an account a partner owns. The partner's index row is written first: a crash in between leaves an index
    /// row without its account (or pointing at someone else's id), which <see cref="ListPartnerAccountsAsync"/> skips,
    /// because the account row's PartnerId is what decides ownership.
    /// </summary>
    public async Task<string> CreatePartnerAccountAsync(CustomerAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var partnerId = account.PartnerId ?? throw new ArgumentException("The account names no partner.", nameof(account));
        await Table.UpsertAsync(new TableEntity(DirectoryEntities.PartnerPartition(partnerId), DirectoryEntities.PartnerAccountPrefix + account.Id) { ["DataClass"] = "partner" }, cancellationToken: cancellationToken);
        return await CreateAccountAsync(account, cancellationToken);
    }

    /// <summary>The accounts the partner created, by id.</summary>
    public async Task<IReadOnlyList<CustomerAccount>> ListPartnerAccountsAsync(string partnerId, CancellationToken cancellationToken)
    {
        var accounts = new List<CustomerAccount>();
        var filter = TableFilter.PartitionKeyEquals(DirectoryEntities.PartnerPartition(partnerId)).And(TableFilter.StartsWith("RowKey", DirectoryEntities.PartnerAccountPrefix));
        await foreach (var row in Table.QueryEntitiesAsync(filter, ["RowKey"], cancellationToken))
        {
            var found = await GetAccountAsync(row.RowKey[DirectoryEntities.PartnerAccountPrefix.Length..], cancellationToken);
            if (found is { Account.PartnerId: { } owner } && owner == partnerId)
            {
                accounts.Add(found.Value.Account);
            }
        }

        return accounts;
    }

    private async Task ClaimEmailAsync(Contact contact, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(DirectoryEntities.EmailPartition(contact.Email), "contact") { ["AccountId"] = contact.AccountId, ["ContactId"] = contact.Id, ["DataClass"] = "contact" };
        try
        {
            await Table.InsertAsync(claim, cancellationToken);
        }
        catch (StorageConflictException)
        {
            var existing = await Table.FindAsync(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            var owner = existing is null ? null : await GetContactAsync(existing.GetString("AccountId")!, existing.GetString("ContactId")!, cancellationToken);
            if (owner is not null && owner.Value.Contact.Id != contact.Id)
            {
                throw new StorageConflictException("EmailInUse", $"The email address {contact.Email} already belongs to another contact.");
            }

            // A claim left by an interrupted create (its contact was never written), or our own: take it over.
            await Table.UpsertAsync(claim, cancellationToken: cancellationToken);
        }
    }

    private async Task ReleaseEmailAsync(string email, string contactId, CancellationToken cancellationToken)
    {
        var claim = await Table.FindAsync(DirectoryEntities.EmailPartition(email), "contact", cancellationToken: cancellationToken);
        if (claim is not null && claim.GetString("ContactId") == contactId)
        {
            await Table.DeleteAsync(claim.PartitionKey, claim.RowKey, claim.ETag.ToString(), cancellationToken);
        }
    }
}
