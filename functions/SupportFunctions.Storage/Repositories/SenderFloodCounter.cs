using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Counts messages per sender in fixed windows, shared by every instance (a count in Table storage, incremented under
/// its ETag), so a flood from one address is held however many instances process mail.
/// </summary>
public sealed class SenderFloodCounter(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.CountersTable);

    /// <summary>
    /// Counts one message from <paramref name="sender"/> identified by <paramref name="itemId"/> and returns its
    /// position in the window (1 for the first). Counting the same item twice (a redelivery) does not count it again.
    /// </summary>
    public async Task<int> CountAsync(string sender, string itemId, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        var windowStart = at.UtcTicks - (at.UtcTicks % window.Ticks);
        var partition = "sender|" + IdempotencyRepository.Hash(sender.ToUpperInvariant());
        var row = windowStart.ToString("D19", CultureInfo.InvariantCulture);
        var item = IdempotencyRepository.Hash(itemId)[..16];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var entity = await Table.FindAsync(partition, row, cancellationToken: cancellationToken);
            var items = entity?.GetString("Items") ?? string.Empty;
            var seen = items.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var position = Array.IndexOf(seen, item);
            if (position >= 0)
            {
                return position + 1;
            }

            // Past a few hundred the sender is flooding anyway: stop remembering ids and just count.
            var count = (int)(entity?.GetInt64("Count") ?? 0) + 1;
            var updated = new TableEntity(partition, row)
            {
                ["Count"] = (long)count,
                ["Items"] = seen.Length < 500 ? string.Join(',', seen.Append(item)) : items,
                ["DataClass"] = "counters",
            };
            try
            {
                if (entity is null)
                {
                    await Table.InsertAsync(updated, cancellationToken);
                }
                else
                {
                    await Table.UpdateAsync(updated, entity.ETag.ToString(), cancellationToken: cancellationToken);
                }

                return count;
            }
            catch (StorageConflictException)
            {
            }
            catch (StorageConcurrencyException)
            {
            }
        }

        throw new InvalidOperationException($"Could not count a message from {sender}: the counter kept changing.");
    }
}
