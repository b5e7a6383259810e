using Azure;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Tests;

/// <summary>Our table operations on the SDK's TableClient, against Azurite.</summary>
public sealed class TableOperationsTests : IAsyncLifetime
{
    private readonly TableClient _table = new TableServiceClient(Azurite.ConnectionString, StorageClientSettings.Tables()).GetTableClient(Azurite.UniqueTableName());

    public Task InitializeAsync() => _table.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Create_if_not_exists_twice_is_fine()
    {
        await _table.CreateIfNotExistsAsync();
        Assert.Null(await _table.FindAsync("p", "missing"));
    }

    [Fact]
    public async Task Insert_then_get_round_trips_every_edm_type()
    {
        var when = new DateTimeOffset(2026, 3, 8, 7, 30, 15, 123, TimeSpan.FromHours(-5)).AddTicks(4567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("case", "CS-000001")
        {
            ["Text"] = "Olá, ação ünïcode 'quoted'",
            ["Int"] = 42,
            ["Long"] = 9_000_000_000L,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Ratio"] = 2.0,
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };

        var etag = await _table.InsertAsync(entity);
        var read = await _table.FindAsync("case", "CS-000001");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag.ToString());
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Olá, ação ünïcode 'quoted'", read.GetString("Text"));
        Assert.IsType<int>(read["Int"]);
        Assert.Equal(42, read.GetInt32("Int"));
        Assert.IsType<long>(read["Long"]);
        Assert.Equal(9_000_000_000L, read.GetInt64("Long"));
        Assert.Equal(true, read.GetBoolean("Flag"));
        Assert.Equal(when.UtcDateTime, read.GetDateTimeOffset("When")!.Value.UtcDateTime);
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.IsType<double>(read["Ratio"]);
        Assert.Equal(2.0, read.GetDouble("Ratio"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read.GetBinary("Bytes"));
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_unicode_are_addressed_exactly()
    {
        var entity = new TableEntity("o'brien & co", "rk with space + ünï 'x'") { ["V"] = 1 };
        await _table.InsertAsync(entity);
        var read = await _table.FindAsync("o'brien & co", "rk with space + ünï 'x'");
        Assert.Equal(1, read?.GetInt32("V"));
        await _table.DeleteAsync("o'brien & co", "rk with space + ünï 'x'");
        Assert.Null(await _table.FindAsync("o'brien & co", "rk with space + ünï 'x'"));
    }

    [Fact]
    public async Task Insert_of_an_existing_entity_is_a_typed_conflict()
    {
        await _table.InsertAsync(new TableEntity("p", "r"));
        var error = await Assert.ThrowsAsync<StorageConflictException>(() => _table.InsertAsync(new TableEntity("p", "r")));
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task Upsert_replace_drops_unmentioned_properties_and_merge_keeps_them()
    {
        await _table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });
        await _table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Replace);
        var replaced = await _table.FindAsync("p", "r");
        Assert.Equal("a2", replaced!.GetString("A"));
        Assert.Null(replaced["B"]);

        await _table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var merged = await _table.FindAsync("p", "r");
        Assert.Equal("a2", merged!.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_a_concurrency_exception()
    {
        var first = await _table.InsertAsync(new TableEntity("p", "r") { ["N"] = 1 });
        await _table.UpdateAsync(new TableEntity("p", "r") { ["N"] = 2 }, first);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => _table.UpdateAsync(new TableEntity("p", "r") { ["N"] = 3 }, first));
        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await _table.FindAsync("p", "r"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_404_not_an_insert()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateAsync(new TableEntity("p", "nobody"), "*"));
        Assert.Equal(404, error.Status);
        Assert.Null(await _table.FindAsync("p", "nobody"));
    }

    [Fact]
    public async Task Two_concurrent_updates_from_the_same_read_exactly_one_wins()
    {
        await _table.InsertAsync(new TableEntity("p", "counter") { ["N"] = 0 });
        var read = await _table.FindAsync("p", "counter");

        async Task<bool> TryUpdate(int value)
        {
            try
            {
                await _table.UpdateAsync(new TableEntity("p", "counter") { ["N"] = value }, read!.ETag.ToString());
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        }

        var results = await Task.WhenAll(TryUpdate(1), TryUpdate(2));
        Assert.Equal(1, results.Count(r => r));
        var final = (await _table.FindAsync("p", "counter"))!.GetInt32("N");
        Assert.Equal(results[0] ? 1 : 2, final);
    }

    [Fact]
    public async Task Delete_with_stale_etag_fails_and_delete_of_missing_succeeds()
    {
        var etag = await _table.InsertAsync(new TableEntity("p", "r") { ["N"] = 1 });
        await _table.UpdateAsync(new TableEntity("p", "r") { ["N"] = 2 }, etag);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => _table.DeleteAsync("p", "r", etag));

        await _table.DeleteAsync("p", "r");
        await _table.DeleteAsync("p", "r");
        await _table.DeleteAsync("p", "never-existed");
        Assert.Null(await _table.FindAsync("p", "r"));
    }

    [Fact]
    public async Task Query_with_filter_select_and_top_returns_matching_projection()
    {
        for (var i = 0; i < 10; i++)
        {
            await _table.InsertAsync(new TableEntity("q", $"r{i:D2}") { ["N"] = i, ["Other"] = "x" });
        }

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in _table.QueryPagesAsync(TableFilter.PartitionKeyEquals("q").And(TableFilter.GreaterThanOrEqual("N", 4)), ["N"], pageSize: 3))
        {
            pages.Add(page);
        }

        var items = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(6, items.Count);
        Assert.True(pages.Count >= 2);
        Assert.All(pages.Take(pages.Count - 1), p => Assert.True(p.Values.Count <= 3));
        Assert.All(items, e => Assert.Null(e["Other"]));
        Assert.Equal([4, 5, 6, 7, 8, 9], items.Select(e => e.GetInt32("N")!.Value).Order());
    }

    [Fact]
    public async Task Query_continues_across_more_than_one_thousand_entities_and_resumes_from_a_token()
    {
        const int count = 1_250;
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", $"r{i:D5}") { ["N"] = i }))
                .ToList();
            await _table.SubmitAsync(batch);
        }

        var pageCount = 0;
        string? firstToken = null;
        var seen = new HashSet<string>();
        await foreach (var page in _table.QueryPagesAsync(TableFilter.PartitionKeyEquals("bulk")))
        {
            pageCount++;
            firstToken ??= page.ContinuationToken;
            Assert.True(page.Values.Count <= 1000);
            foreach (var item in page.Values)
            {
                Assert.True(seen.Add(item.RowKey));
            }
        }

        Assert.Equal(count, seen.Count);
        Assert.True(pageCount >= 2, "1,250 rows take more than one page of at most 1,000");
        Assert.True(pageCount >= 2);
        Assert.NotNull(firstToken);

        var resumed = 0;
        await foreach (var page in _table.QueryPagesAsync(TableFilter.PartitionKeyEquals("bulk"), continuationToken: firstToken))
        {
            resumed += page.Values.Count;
        }

        Assert.Equal(count - 1000, resumed);
    }

    [Fact]
    public async Task A_value_with_a_quote_stays_a_value_in_the_filter()
    {
        await _table.InsertAsync(new TableEntity("f", "1") { ["Name"] = "O'Brien" });
        await _table.InsertAsync(new TableEntity("f", "2") { ["Name"] = "Smith" });

        var hostile = "x' or Name ne 'nobody";
        var none = await _table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals("f").And(TableFilter.Equal("Name", hostile))).ToListAsync();
        var exact = await _table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals("f").And(TableFilter.Equal("Name", "O'Brien"))).ToListAsync();

        Assert.Empty(none);
        Assert.Equal("1", Assert.Single(exact).RowKey);
        Assert.Equal("Name eq 'x'' or Name ne ''nobody'", TableFilter.Equal("Name", hostile).ToString());
    }

    [Fact]
    public async Task Typed_filter_literals_match_typed_values()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await _table.InsertAsync(new TableEntity("typed", "1") { ["At"] = at, ["Id"] = id, ["Big"] = 5_000_000_000L, ["Open"] = true });
        await _table.InsertAsync(new TableEntity("typed", "2") { ["At"] = at.AddDays(1), ["Id"] = Guid.NewGuid(), ["Big"] = 1L, ["Open"] = false });

        Assert.Equal("1", Assert.Single(await _table.QueryEntitiesAsync(TableFilter.LessThanOrEqual("At", at)).ToListAsync()).RowKey);
        Assert.Equal("1", Assert.Single(await _table.QueryEntitiesAsync(TableFilter.Equal("Id", id)).ToListAsync()).RowKey);
        Assert.Equal("1", Assert.Single(await _table.QueryEntitiesAsync(TableFilter.GreaterThan("Big", 4_000_000_000L)).ToListAsync()).RowKey);
        Assert.Equal("2", Assert.Single(await _table.QueryEntitiesAsync(TableFilter.Equal("Open", false)).ToListAsync()).RowKey);
        Assert.Equal(["1", "2"], (await _table.QueryEntitiesAsync(TableFilter.StartsWith("PartitionKey", "typ")).ToListAsync()).Select(e => e.RowKey).Order());
    }

    [Fact]
    public async Task A_transaction_applies_every_operation_kind_together()
    {
        await _table.InsertAsync(new TableEntity("tx", "update") { ["N"] = 1, ["Keep"] = "k" });
        await _table.InsertAsync(new TableEntity("tx", "delete"));
        await _table.InsertAsync(new TableEntity("tx", "replace") { ["Gone"] = "g" });

        var etags = await _table.SubmitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "add") { ["N"] = 1 }),
            TableOperations.Update(new TableEntity("tx", "update") { ["N"] = 2 }, null, TableUpdateMode.Merge),
            TableOperations.Update(new TableEntity("tx", "replace") { ["New"] = "n" }, null),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("tx", "upsert") { ["N"] = 3 }),
            TableOperations.Delete("tx", "delete"),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.Null(etags[4]);
        Assert.NotNull(await _table.FindAsync("tx", "add"));
        var updated = await _table.FindAsync("tx", "update");
        Assert.Equal(2, updated!.GetInt32("N"));
        Assert.Equal("k", updated.GetString("Keep"));
        var replaced = await _table.FindAsync("tx", "replace");
        Assert.Null(replaced!["Gone"]);
        Assert.Equal(3, (await _table.FindAsync("tx", "upsert"))!.GetInt32("N"));
        Assert.Null(await _table.FindAsync("tx", "delete"));
    }

    [Fact]
    public async Task A_transaction_with_one_failing_operation_writes_nothing()
    {
        await _table.InsertAsync(new TableEntity("tx", "exists"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "a")),
            new(TableTransactionActionType.Add, new TableEntity("tx", "b")),
            new(TableTransactionActionType.Add, new TableEntity("tx", "exists")),
        ]));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Null(await _table.FindAsync("tx", "a"));
        Assert.Null(await _table.FindAsync("tx", "b"));
    }

    [Fact]
    public async Task A_transaction_with_a_stale_etag_writes_nothing()
    {
        var etag = await _table.InsertAsync(new TableEntity("tx", "v") { ["N"] = 1 });
        await _table.UpdateAsync(new TableEntity("tx", "v") { ["N"] = 2 }, etag);

        await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("tx", "new")),
            TableOperations.Update(new TableEntity("tx", "v") { ["N"] = 3 }, etag),
        ]));

        Assert.Null(await _table.FindAsync("tx", "new"));
        Assert.Equal(2, (await _table.FindAsync("tx", "v"))!.GetInt32("N"));
    }

    [Fact]
    public async Task A_full_transaction_of_one_hundred_operations_succeeds()
    {
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("full", $"r{i:D3}"))).ToList();
        await _table.SubmitAsync(actions);
        Assert.Equal(100, await _table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals("full")).CountAsync());
    }

    [Fact]
    public async Task Transactions_refuse_what_the_service_would_refuse_before_sending()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))).ToList();
        Assert.Contains("1 to 100", (await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitAsync(tooMany))).Message, StringComparison.Ordinal);

        var twoPartitions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, new TableEntity("p1", "r")), new(TableTransactionActionType.Add, new TableEntity("p2", "r")) };
        Assert.Contains("one partition", (await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitAsync(twoPartitions))).Message, StringComparison.Ordinal);

        var twice = new List<TableTransactionAction> { new(TableTransactionActionType.Add, new TableEntity("p", "r")), TableOperations.Delete("p", "r") };
        Assert.Contains("appears twice", (await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitAsync(twice))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    public async Task Keys_the_service_forbids_are_refused_with_the_character_named(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _table.InsertAsync(new TableEntity(key, "r")));
        Assert.Contains("table keys may not contain", error.Message, StringComparison.Ordinal);
    }
}
