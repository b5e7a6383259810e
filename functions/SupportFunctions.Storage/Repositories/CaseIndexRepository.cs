using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// The lists behind a submitter's views: cases they requested, cases they are CC on, and their organisation's cases,
/// newest first. Entries are written before the case, so a case is never missing from a list; an entry whose case was
/// never written (a crash in between) is skipped when read.
/// </summary>
public sealed class CaseIndexRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.CaseIndexTable);

    public static string RequesterList(string contactId) => "req|" + contactId;

    public static string CcList(string email) => "cc|" + EmailAddress.Normalize(email);

    public static string AccountList(string accountId) => "acct|" + accountId;

    public async Task AddAsync(SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var row = RowKey(c.CreatedAt, c.Number);
        await Task.WhenAll(ListsOf(c).Select(list =>
            Table.UpsertAsync(new TableEntity(list, row) { ["Number"] = c.Number, ["CreatedAt"] = c.CreatedAt, ["DataClass"] = "caseIndex" }, cancellationToken: cancellationToken)));
    }

    /// <summary>
    /// Takes back what <see cref="AddAsync"/> wrote for a case that was then not created (its number was another
    /// request's case). The rows carry this case's creation time, so the other case's rows stay.
    /// </summary>
    public async Task RemoveAsync(SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var row = RowKey(c.CreatedAt, c.Number);
        await Task.WhenAll(ListsOf(c).Select(list => Table.DeleteAsync(list, row, cancellationToken: cancellationToken)));
    }

    private static IEnumerable<string> ListsOf(SupportCase c)
    {
        var lists = new List<string>();
        if (c.RequesterContactId is not null)
        {
            lists.Add(RequesterList(c.RequesterContactId));
        }

        if (c.AccountId is not null)
        {
            lists.Add(AccountList(c.AccountId));
        }

        lists.AddRange(c.Cc.Select(CcList));
        return lists.Distinct(StringComparer.Ordinal);
    }

    /// <summary>Removes the case from its CCs' lists (their partitions carry the address), for anonymisation.</summary>
    public async Task RemoveCcEntriesAsync(SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var row = RowKey(c.CreatedAt, c.Number);
        await Task.WhenAll(c.Cc.Select(CcList).Distinct(StringComparer.Ordinal).Select(list => Table.DeleteAsync(list, row, cancellationToken: cancellationToken)));
    }

    /// <summary>One page of case numbers in a list, newest first.</summary>
    public async Task<(IReadOnlyList<string> Numbers, string? ContinuationToken)> PageAsync(string list, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in Table.QueryPagesAsync(TableFilter.PartitionKeyEquals(list), ["Number"], pageSize, continuationToken, cancellationToken))
        {
            return (page.Values.Select(e => e.GetString("Number")!).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    private static string RowKey(DateTimeOffset createdAt, string number) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + number;
}
