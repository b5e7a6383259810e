using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Hands out case numbers. Each process reserves a block of numbers with one ETag-guarded update of a counter entity
/// and serves the block from memory, so concurrent creations rarely touch storage and never share a number. Numbers
/// left in a block when a process stops are skipped: gaps are allowed, duplicates are not.
/// </summary>
public sealed class CaseNumberAllocator(StorageLayout layout, int blockSize = 20) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (long Next, long End)> _blocks = new(StringComparer.Ordinal);

    public async Task<string> NextAsync(string prefix, int digits, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_blocks.TryGetValue(prefix, out var block) || block.Next >= block.End)
            {
                var start = await ReserveAsync(prefix, cancellationToken);
                block = (start, start + blockSize);
            }

            _blocks[prefix] = (block.Next + 1, block.End);
            return $"{prefix}-{block.Next.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<long> ReserveAsync(string prefix, CancellationToken cancellationToken)
    {
        var counters = layout.Table(StorageLayout.CountersTable);
        while (true)
        {
            var counter = await counters.FindAsync("case-number", prefix, cancellationToken: cancellationToken);
            if (counter is null)
            {
                try
                {
                    await counters.InsertAsync(new TableEntity("case-number", prefix) { ["Next"] = 1L + blockSize }, cancellationToken);
                    return 1;
                }
                catch (StorageConflictException)
                {
                    continue; // another process created it first: read theirs
                }
            }

            var next = counter.GetInt64("Next") ?? 1;
            try
            {
                await counters.UpdateAsync(new TableEntity("case-number", prefix) { ["Next"] = next + blockSize }, counter.ETag.ToString(), cancellationToken: cancellationToken);
                return next;
            }
            catch (StorageConcurrencyException)
            {
                // Another process reserved a block between our read and write; read again.
            }
        }
    }
}
