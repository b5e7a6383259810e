using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Hands out case numbers. Each process reserves a block of numbers with one ETag-guarded update of a counter entity
/// and serves the block from memory, so concurrent creations rarely touch storage and never share a number. Numbers
/// left in a block when a process stops are skipped: gaps are allowed, duplicates are not. A counter that went back
/// (storage that lost its last writes: an emulator restart, an account failover) is caught when a block is reserved:
/// one range query over the block's case rows, and the numbers already taken are skipped.
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
                block = await ReserveFreeAsync(prefix, digits, cancellationToken);
            }

            _blocks[prefix] = (block.Next + 1, block.End);
            return Format(prefix, digits, block.Next);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The number was found taken after all (its case was written after this block was checked): the rest of the block
    /// is dropped, so the next number comes from a block checked anew.
    /// </summary>
    public async Task SkipTakenAsync(string prefix, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _blocks.Remove(prefix);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Format(string prefix, int digits, long value) => $"{prefix}-{value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}";

    /// <summary>A reserved block, less any numbers at its start that cases already have.</summary>
    private async Task<(long Next, long End)> ReserveFreeAsync(string prefix, int digits, CancellationToken cancellationToken)
    {
        while (true)
        {
            var start = await ReserveAsync(prefix, cancellationToken);
            var end = start + blockSize;
            var highestTaken = await HighestTakenAsync(prefix, digits, start, end, cancellationToken);
            if (highestTaken is null)
            {
                return (start, end);
            }

            if (highestTaken.Value + 1 < end)
            {
                return (highestTaken.Value + 1, end);
            }
        }
    }

    /// <summary>The highest number in [start, end) a case already has, or null.</summary>
    private async Task<long?> HighestTakenAsync(string prefix, int digits, long start, long end, CancellationToken cancellationToken)
    {
        var cases = layout.Table(StorageLayout.CasesTable);
        var taken = new List<string>();
        // Zero-padded numbers of one length sort as they count: one range query over the block's partitions, or two
        // in the one block of a prefix's life that crosses into another digit.
        foreach (var sameLength in Enumerable.Range(0, (int)(end - start)).Select(i => Format(prefix, digits, start + i)).GroupBy(n => n.Length))
        {
            var filter = TableFilter.GreaterThanOrEqual("PartitionKey", sameLength.First()).And(TableFilter.LessThanOrEqual("PartitionKey", sameLength.Last())).And(TableFilter.RowKeyEquals(CaseEntities.CaseRow));
            taken.AddRange(await cases.QueryEntitiesAsync(filter, ["PartitionKey"], cancellationToken).Select(e => e.PartitionKey).ToListAsync(cancellationToken));
        }

        var values = taken.Select(number => long.Parse(number.AsSpan(prefix.Length + 1), CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? null : values.Max();
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
