using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Cases;

/// <summary>
/// Storage that loses its last writes (Azurite saves every few seconds; an account failover can lose recent writes)
/// moves the case-number counter, or an idempotency key's record, back under a running service. A number already taken
/// is never issued again, and no request is ever answered with another request's case.
/// </summary>
public sealed class CaseNumberRollbackTests : IAsyncLifetime
{
    private SupportApp _app = null!;
    private Customer _customer = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync("purecloud");
        _customer = await _app.CustomerAsync(designated: true);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Body(string subject) => new { subject, description = "Queues route slowly", category = "technical-problem", severity = 3, fields = new { businessImpact = "Long waits" } };

    private async Task<(HttpStatusCode Status, string Number, string Subject)> OpenAsync(string subject, string? key = null)
    {
        var response = await _customer.Client.PostCaseAsync(Body(subject), key);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{subject}: {(int)response.StatusCode} {json}");
        return (response.StatusCode, json.GetProperty("number").GetString()!, json.GetProperty("subject").GetString()!);
    }

    private TableClient Table(string name) => _app.Services.GetRequiredService<StorageLayout>().Table(name);

    [Fact]
    public async Task A_counter_moved_back_under_a_running_service_issues_no_taken_number_and_answers_each_request_with_its_own_case()
    {
        var before = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            before.Add((await OpenAsync($"Before {i}", i % 2 == 0 ? $"before-{i}" : null)).Number);
        }

        // The counter as it stood before any of them (what a rollback of the last writes leaves).
        var counters = Table(StorageLayout.CountersTable);
        var counter = (await counters.GetEntityAsync<TableEntity>("case-number", "PC")).Value;
        counter["Next"] = 1L;
        await counters.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace);

        var after = new List<(string Subject, string Number)>();
        for (var i = 0; i < 30; i++)
        {
            var subject = $"After {i}";
            var (status, number, answered) = await OpenAsync(subject, i % 2 == 0 ? $"after-{i}" : null);
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(subject, answered);
            after.Add((subject, number));
        }

        Assert.Empty(after.Select(a => a.Number).Intersect(before));
        Assert.Equal(after.Count, after.Select(a => a.Number).Distinct().Count());
        // A retry of a request made after the rollback is answered with its own case.
        var (replayStatus, replayNumber, replaySubject) = await OpenAsync("After 4", "after-4");
        Assert.Equal(HttpStatusCode.OK, replayStatus);
        Assert.Equal(after[4].Number, replayNumber);
        Assert.Equal("After 4", replaySubject);
        // And every earlier case is still its own.
        var (_, earlierNumber, earlierSubject) = await OpenAsync("Before 2", "before-2");
        Assert.Equal(before[2], earlierNumber);
        Assert.Equal("Before 2", earlierSubject);
    }

    [Fact]
    public async Task A_key_whose_record_names_another_requests_case_opens_its_own_case_and_keeps_it()
    {
        var (_, othersNumber, _) = await OpenAsync("Someone else's case");
        // The key's record as a lost write can leave it: this request's hash, bound to a number another case holds.
        var request = await _customer.Client.PostCaseAsync(Body("Mine"), "mine-1");
        var mine = await request.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var idempotency = Table(StorageLayout.IdempotencyTable);
        TableEntity? record = null;
        await foreach (var entity in idempotency.QueryAsync<TableEntity>())
        {
            record = entity.GetString("CaseNumber") == mine.GetProperty("number").GetString() ? entity : record;
        }

        Assert.NotNull(record);
        await Table(StorageLayout.CasesTable).DeleteEntityAsync(mine.GetProperty("number").GetString()!, "case");
        record["CaseNumber"] = othersNumber;
        await idempotency.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace);

        var (status, number, subject) = await OpenAsync("Mine", "mine-1");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Mine", subject);
        Assert.NotEqual(othersNumber, number);

        var (againStatus, againNumber, againSubject) = await OpenAsync("Mine", "mine-1");
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(number, againNumber);
        Assert.Equal("Mine", againSubject);
    }
}
