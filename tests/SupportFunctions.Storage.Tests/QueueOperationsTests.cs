using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SupportFunctions.Storage.Queues;

namespace SupportFunctions.Storage.Tests;

/// <summary>Our queue operations on the SDK's QueueClient (base64, never-expiring messages), against Azurite.</summary>
public sealed class QueueOperationsTests : IAsyncLifetime
{
    private readonly QueueClient _queue = new QueueServiceClient(Azurite.ConnectionString, StorageClientSettings.Queues()).GetQueueClient(Azurite.UniqueName("q"));

    public Task InitializeAsync() => _queue.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _queue.DeleteAsync();

    [Fact]
    public async Task Send_receive_delete_round_trips_text()
    {
        var sent = await _queue.SendAsync("{\"case\":\"CS-000001\",\"note\":\"<xml & ünï>\"}");
        Assert.False(string.IsNullOrEmpty(sent.MessageId));

        var received = Assert.Single(await ReceiveAsync(32));
        Assert.True(received.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), "messages never expire, so a long wait is not lost to the 7-day default");
        Assert.Equal("{\"case\":\"CS-000001\",\"note\":\"<xml & ünï>\"}", received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(sent.MessageId, received.MessageId);

        await _queue.DeleteIfExistsAsync(received.MessageId, received.PopReceipt);
        await _queue.DeleteIfExistsAsync(received.MessageId, received.PopReceipt);
        Assert.Equal(0, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Message_text_is_base64_on_the_wire_as_the_functions_queue_trigger_expects()
    {
        await _queue.SendAsync("{\"n\":1}");
        var raw = new QueueClient(Azurite.ConnectionString, _queue.Name, new QueueClientOptions(StorageClientSettings.QueueVersion) { MessageEncoding = QueueMessageEncoding.None });
        var peeked = Assert.Single((await raw.PeekMessagesAsync(1)).Value);
        Assert.Equal(Convert.ToBase64String("{\"n\":1}"u8.ToArray()), peeked.Body.ToString());
    }

    [Fact]
    public async Task Peek_shows_visible_messages_without_delivering_them_and_never_a_delayed_one()
    {
        await _queue.SendAsync("later", TimeSpan.FromMinutes(5));
        Assert.Empty(await PeekAsync(32));
        await _queue.SendAsync("now ünï");

        var peeked = Assert.Single(await PeekAsync(32));
        Assert.Equal("now ünï", peeked.Body.ToString());
        Assert.Equal(0, peeked.DequeueCount);

        var received = Assert.Single(await ReceiveAsync(32));
        Assert.Equal(peeked.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty(await PeekAsync(32));
    }

    [Fact]
    public async Task A_delayed_message_is_invisible_before_its_delay_and_visible_after()
    {
        await _queue.SendAsync("later", TimeSpan.FromSeconds(2));
        Assert.Empty(await ReceiveAsync(32));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        QueueMessage[] received = [];
        while (received.Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            received = await ReceiveAsync(32);
        }

        Assert.Equal("later", Assert.Single(received).Body.ToString());
    }

    [Fact]
    public async Task Dequeue_count_grows_on_redelivery()
    {
        await _queue.SendAsync("retry me");
        var first = Assert.Single(await ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, first.DequeueCount);

        QueueMessage[] again = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (again.Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            again = await ReceiveAsync(1, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, Assert.Single(again).DequeueCount);
    }

    [Fact]
    public async Task Update_visibility_makes_a_message_visible_now_and_rotates_the_receipt()
    {
        await _queue.SendAsync("hold");
        var held = Assert.Single(await ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        Assert.Empty(await ReceiveAsync(1));

        var receipt = await _queue.UpdateVisibilityAsync(held.MessageId, held.PopReceipt, TimeSpan.Zero);
        Assert.NotEqual(held.PopReceipt, receipt);
        var again = Assert.Single(await ReceiveAsync(1));
        Assert.Equal(held.MessageId, again.MessageId);
    }

    [Fact]
    public async Task A_stale_pop_receipt_cannot_update_a_message()
    {
        await _queue.SendAsync("x");
        var first = Assert.Single(await ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        await _queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.FromMinutes(5));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => _queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero));
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task A_message_over_64_KiB_encoded_is_refused_before_sending()
    {
        var largest = new string('a', QueueOperations.MaxTextBytes);
        await _queue.SendAsync(largest);
        var tooBig = new string('a', QueueOperations.MaxTextBytes + 1);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _queue.SendAsync(tooBig));
        Assert.Contains("at most 65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Delays_beyond_seven_days_are_refused_so_callers_hop()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
        var sent = await _queue.SendAsync("x", TimeSpan.FromDays(7));
        Assert.True(sent.TimeNextVisible > DateTimeOffset.UtcNow.AddDays(6.9));
    }

    [Fact]
    public async Task Clear_removes_visible_and_delayed_messages()
    {
        await _queue.SendAsync("now");
        await _queue.SendAsync("later", TimeSpan.FromMinutes(5));
        Assert.Equal(2, await _queue.GetApproximateCountAsync());
        await _queue.ClearMessagesAsync();
        Assert.Equal(0, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Sending_to_a_missing_queue_names_the_error_code()
    {
        var missing = new QueueServiceClient(Azurite.ConnectionString, StorageClientSettings.Queues()).GetQueueClient(Azurite.UniqueName("missing"));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => missing.SendAsync("x"));
        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    private async Task<QueueMessage[]> ReceiveAsync(int max, TimeSpan? visibility = null) => (await _queue.ReceiveMessagesAsync(max, visibility)).Value;

    private async Task<PeekedMessage[]> PeekAsync(int max) => (await _queue.PeekMessagesAsync(max)).Value;
}
