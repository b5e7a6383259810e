using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// The agents' queue: open cases only, one partition per team. In its team's partition a case has a head row
/// (<c>h|{number}</c>: its version and where its list rows are) and one list row per order, whose row key sorts in that
/// order: <c>s|0|{due}|{number}</c> (a running clock; <c>s|1|{created}|…</c> without one), <c>u|{newest}|{number}</c>,
/// <c>c|{created}|{number}</c>. A page is a key-range read of the first rows of one order in each team asked for (the
/// filters run in the service), merged; the head and list rows of a case change together in one transaction guarded by
/// the head's ETag. Closing the case, or moving it to another team, deletes its rows from the partition.
/// </summary>
public sealed class AgentQueueRepository(StorageLayout layout)
{
    private const string HeadPrefix = "h|";
    private const int MaxAttempts = 8;
    private static readonly (string Prefix, string End, string HeadProperty)[] Orders = [("s|", "s}", "SlaKey"), ("u|", "u}", "UpdatedKey"), ("c|", "c}", "CreatedKey")];

    /// <summary>A partition no team id can take (ids are slugs), for facts about the table itself.</summary>
    private const string MetaPartition = "~meta";

    private TableClient Table => layout.Table(StorageLayout.AgentQueueTable);

    /// <summary>Whether the one-time build of the queue and report from cases that predate them (<paramref name="name"/>) is done.</summary>
    public async Task<bool> IsBuiltAsync(string name, CancellationToken cancellationToken) =>
        await Table.FindAsync(MetaPartition, name, ["PartitionKey"], cancellationToken) is not null;

    public Task MarkBuiltAsync(string name, DateTimeOffset at, int cases, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new TableEntity(MetaPartition, name) { ["At"] = at, ["Cases"] = cases }, cancellationToken: cancellationToken);

    /// <summary>Makes the team's partition hold <paramref name="entry"/> for the case, or nothing for it when null.</summary>
    public async Task WriteAsync(string team, string number, AgentQueueEntry? entry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await Table.FindAsync(team, HeadPrefix + number, cancellationToken: cancellationToken);
            var actions = Plan(team, number, head, entry);
            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await Table.SubmitAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another projection of the same case changed the partition since the head was read: read it again.
            }
        }
    }

    private static List<TableTransactionAction> Plan(string team, string number, TableEntity? head, AgentQueueEntry? entry)
    {
        var actions = new List<TableTransactionAction>();
        var oldKeys = head is null ? null : Orders.Select(o => head.GetString(o.HeadProperty) ?? string.Empty).ToArray();
        if (entry is null)
        {
            if (head is not null)
            {
                actions.AddRange(oldKeys!.Select(k => TableOperations.Delete(team, k)));
                actions.Add(TableOperations.Delete(team, head.RowKey, head.ETag.ToString()));
            }

            return actions;
        }

        var newKeys = KeysOf(entry);
        if (head is not null && head.GetInt32("Version") == entry.Version && oldKeys!.SequenceEqual(newKeys))
        {
            return actions;
        }

        for (var i = 0; i < Orders.Length; i++)
        {
            var row = ToEntity(team, newKeys[i], entry);
            if (oldKeys is not null && oldKeys[i] == newKeys[i])
            {
                actions.Add(TableOperations.Update(row, null));
                continue;
            }

            if (oldKeys is not null)
            {
                actions.Add(TableOperations.Delete(team, oldKeys[i]));
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        var newHead = new TableEntity(team, HeadPrefix + number) { ["Version"] = entry.Version, ["DataClass"] = "caseIndex" };
        for (var i = 0; i < Orders.Length; i++)
        {
            newHead[Orders[i].HeadProperty] = newKeys[i];
        }

        actions.Add(head is null ? new TableTransactionAction(TableTransactionActionType.Add, newHead) : TableOperations.Update(newHead, head.ETag.ToString()));
        return actions;
    }

    /// <summary>
    /// One page of the queue: the first <see cref="AgentQueueQuery.PageSize"/> entries after <paramref name="position"/>
    /// in the query's order across its teams, and the position to continue from (null on the last page).
    /// </summary>
    public async Task<(IReadOnlyList<AgentQueueEntry> Entries, string? Position)> PageAsync(AgentQueueQuery query, string? position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (prefix, end, _) = Orders[(int)query.Sort];
        var after = position ?? prefix;
        if (!after.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidContinuationTokenException();
        }

        var filters = Filters(query, now);
        var reads = await Task.WhenAll(query.Teams.Select(async team =>
        {
            var filter = TableFilter.PartitionKeyEquals(team).And(TableFilter.GreaterThan("RowKey", after)).And(TableFilter.LessThan("RowKey", end));
            filter = filters is null ? filter : filter.And(filters);
            var rows = new List<TableEntity>();
            var more = false;

            // A filtered read may answer fewer rows than asked with a token to go on (the service stops at 1,000
            // rows scanned): keep reading until the page is full or the partition is done.
            await foreach (var page in Table.QueryPagesAsync(filter, pageSize: query.PageSize, cancellationToken: cancellationToken))
            {
                rows.AddRange(page.Values);
                if (rows.Count >= query.PageSize)
                {
                    more = page.ContinuationToken is not null || rows.Count > query.PageSize;
                    break;
                }
            }

            return (Rows: rows.Take(query.PageSize).ToList(), More: more);
        }));

        var merged = reads.SelectMany(r => r.Rows).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        var taken = merged.Take(query.PageSize).ToList();
        var hasMore = merged.Count > query.PageSize || reads.Any(r => r.More);
        return (taken.Select(ToEntry).ToList(), hasMore && taken.Count > 0 ? taken[^1].RowKey : null);
    }

    /// <summary>Open cases per status in each team (a sidebar's counts): a read of one order's rows, status only.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<CaseStatus, int>>> CountAsync(IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var (prefix, end, _) = Orders[(int)AgentQueueSort.Created];
        var counts = await Task.WhenAll(teams.Select(async team =>
        {
            var filter = TableFilter.PartitionKeyEquals(team).And(TableFilter.GreaterThan("RowKey", prefix)).And(TableFilter.LessThan("RowKey", end));
            var byStatus = Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed).ToDictionary(s => s, _ => 0);
            await foreach (var entity in Table.QueryEntitiesAsync(filter, ["Status"], cancellationToken))
            {
                byStatus[Enum.Parse<CaseStatus>(entity.GetString("Status")!)]++;
            }

            return (team, (IReadOnlyDictionary<CaseStatus, int>)byStatus);
        }));
        return counts.ToDictionary(c => c.team, c => c.Item2, StringComparer.Ordinal);
    }

    /// <summary>Every list row of the teams (one per order per case), for checks that the queue equals the cases.</summary>
    public async Task<IReadOnlyList<AgentQueueEntry>> ListAllAsync(IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var all = new List<AgentQueueEntry>();
        foreach (var team in teams)
        {
            await foreach (var entity in Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(team), cancellationToken: cancellationToken))
            {
                if (!entity.RowKey.StartsWith(HeadPrefix, StringComparison.Ordinal))
                {
                    all.Add(ToEntry(entity));
                }
            }
        }

        return all;
    }

    /// <summary>The store's form of <see cref="AgentQueueQuery.Matches"/> (teams aside: each is its own read).</summary>
    private static TableFilter? Filters(AgentQueueQuery q, DateTimeOffset now)
    {
        var all = new List<TableFilter?>
        {
            AnyOf(q.Statuses.Select(s => TableFilter.Equal("Status", s.ToString()))),
            AnyOf(q.Severities.Select(s => TableFilter.Equal("Severity", s))),
            AnyOf(q.Priorities.Select(p => TableFilter.Equal("Priority", p))),
            AnyOf(q.Categories.Select(c => TableFilter.Equal("Category", c))),
            AnyOf(q.Accounts.Select(a => TableFilter.Equal("AccountId", a))),
            q.Assignee is null ? null : TableFilter.Equal("AssigneeId", q.Assignee),
            AnyOf(q.SlaStates.Select(s => SlaState(s, now))),
        };
        return all.Where(f => f is not null).Aggregate((TableFilter?)null, (acc, f) => acc is null ? f : acc.And(f!));
    }

    /// <summary>The filter form of <see cref="QueueSlaSummary.StateAt"/>.</summary>
    private static TableFilter SlaState(QueueSlaState state, DateTimeOffset now)
    {
        var notBreached = TableFilter.Equal("AnyBreached", false);
        return state switch
        {
            QueueSlaState.Breached => TableFilter.Equal("AnyBreached", true).Or(TableFilter.LessThanOrEqual("DueAt", now)),
            QueueSlaState.Warning => notBreached.And(TableFilter.GreaterThan("DueAt", now)).And(TableFilter.LessThanOrEqual("WarnAt", now)),
            QueueSlaState.Running => notBreached.And(TableFilter.GreaterThan("DueAt", now)).And(TableFilter.GreaterThan("WarnAt", now)),
            QueueSlaState.Paused => notBreached.And(TableFilter.Equal("Paused", true)).And(TableFilter.Equal("Active", true)),
            _ => notBreached.And(TableFilter.Equal("Active", false)),
        };
    }

    private static TableFilter? AnyOf(IEnumerable<TableFilter> filters) =>
        filters.Aggregate((TableFilter?)null, (acc, f) => acc is null ? f : acc.Or(f));

    private static string[] KeysOf(AgentQueueEntry e)
    {
        var number = "|" + e.Number;
        var sla = e.DueAt is { } due ? "s|0|" + Ticks(due) : "s|1|" + Ticks(e.CreatedAt);
        return [sla + number, "u|" + (DateTimeOffset.MaxValue.UtcTicks - e.UpdatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + number, "c|" + Ticks(e.CreatedAt) + number];
    }

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string team, string rowKey, AgentQueueEntry e) => new(team, rowKey)
    {
        ["Number"] = e.Number,
        ["Subject"] = e.Subject,
        ["AccountId"] = e.AccountId,
        ["RequesterName"] = e.RequesterName,
        ["Status"] = e.Status.ToString(),
        ["Severity"] = e.Severity,
        ["Priority"] = e.Priority,
        ["Category"] = e.Category,
        ["Team"] = e.Team,

        // Unassigned is stored as "" so that assignee=none is a filter the service can run (a missing property matches nothing).
        ["AssigneeId"] = e.AssigneeId ?? string.Empty,
        ["CreatedAt"] = e.CreatedAt,
        ["UpdatedAt"] = e.UpdatedAt,
        ["Version"] = e.Version,
        ["TimeZone"] = e.TimeZone,
        ["Sla"] = StoredJson.Write(e.Sla),
        ["DueClock"] = e.DueClock?.ToString(),
        ["DueAt"] = e.DueAt,
        ["WarnAt"] = e.WarnAt,
        ["AnyBreached"] = e.AnyBreached,
        ["Paused"] = e.Paused,
        ["Active"] = e.Active,
        ["PausedClock"] = e.PausedClock?.ToString(),
        ["PausedRemainingSeconds"] = e.PausedRemainingSeconds,
        ["DataClass"] = "caseIndex",
    };

    private static AgentQueueEntry ToEntry(TableEntity e) => new()
    {
        Number = e.GetString("Number")!,
        Subject = e.GetString("Subject") ?? string.Empty,
        AccountId = e.GetString("AccountId"),
        RequesterName = e.GetString("RequesterName"),
        Status = Enum.Parse<CaseStatus>(e.GetString("Status")!),
        Severity = e.GetInt32("Severity") ?? 0,
        Priority = e.GetString("Priority"),
        Category = e.GetString("Category") ?? string.Empty,
        Team = e.GetString("Team") ?? e.PartitionKey,
        AssigneeId = e.GetString("AssigneeId") is { Length: > 0 } assignee ? assignee : null,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.GetInt32("Version") ?? 0,
        TimeZone = e.GetString("TimeZone") ?? "UTC",
        Sla = StoredJson.Read(e.GetString("Sla"), new Domain.Sla.SlaState()),
        DueClock = e.GetString("DueClock") is { } clock ? Enum.Parse<SlaClockKind>(clock) : null,
        DueAt = e.GetDateTimeOffset("DueAt"),
        WarnAt = e.GetDateTimeOffset("WarnAt"),
        AnyBreached = e.GetBoolean("AnyBreached") ?? false,
        Paused = e.GetBoolean("Paused") ?? false,
        Active = e.GetBoolean("Active") ?? false,
        PausedClock = e.GetString("PausedClock") is { } pausedClock ? Enum.Parse<SlaClockKind>(pausedClock) : null,
        PausedRemainingSeconds = e.GetInt64("PausedRemainingSeconds"),
    };
}
