using System.Collections.Concurrent;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// The directory as mail and the queue see it: agents and accounts as read at most <see cref="MaxAge"/> ago, and not before this
/// process last changed one. Every notification needs the case's account and many need a team's agents; both change
/// rarely, and a change made through another instance reaches mail within half a minute. The agents' queue reads the
/// names its items show from it too (a page names up to 100 accounts).
/// </summary>
public sealed class RecentDirectory(DirectoryRepository directory, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, long Revision, CustomerAccount? Account)> _accounts = new(StringComparer.Ordinal);
    private (DateTimeOffset ReadAt, long Revision, IReadOnlyList<SupportAgent> Agents)? _agents;

    private bool Fresh(DateTimeOffset readAt, long revision, DateTimeOffset now) => now - readAt < MaxAge && revision == directory.Revision;

    public async Task<IReadOnlyList<SupportAgent>> AgentsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_agents is { } known && Fresh(known.ReadAt, known.Revision, now))
        {
            return known.Agents;
        }

        var revision = directory.Revision;
        var agents = await directory.ListAgentsAsync(cancellationToken);
        _agents = (now, revision, agents);
        return agents;
    }

    public async Task<CustomerAccount?> AccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_accounts.TryGetValue(accountId, out var known) && Fresh(known.ReadAt, known.Revision, now))
        {
            return known.Account;
        }

        var revision = directory.Revision;
        var account = (await directory.GetAccountAsync(accountId, cancellationToken))?.Account;
        _accounts[accountId] = (now, revision, account);
        if (_accounts.Count > 10_000)
        {
            // A bound on memory: entries older than the age limit are of no use.
            foreach (var stale in _accounts.Where(a => now - a.Value.ReadAt >= MaxAge).Select(a => a.Key).ToList())
            {
                _accounts.TryRemove(stale, out _);
            }
        }

        return account;
    }
}
