using SupportFunctions.Storage.Queues;

namespace SupportFunctions.Storage.Tests;

public sealed class QueueClientTests : IAsyncLifetime
{
    private readonly QueueClient _queue = new QueueServiceClient(Azurite.Account).GetQueueClient(Azurite.UniqueName("q"));

    public Task InitializeAsync() => _queue.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _queue.DeleteAsync();

    [Fact]
    public async Task Send_receive_delete_round_trips_text()
    {
        var sent = await _queue.SendAsync("{\"case\":\"CS-000001\",\"note\":\"<xml & ünï>\"}");
        Assert.False(string.IsNullOrEmpty(sent.MessageId));

        var received = Assert.Single(await _queue.ReceiveAsync(32));
        Assert.Equal("{\"case\":\"CS-000001\",\"note\":\"<xml & ünï>\"}", received.Text);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(sent.MessageId, received.MessageId);

        await _queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        await _queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        Assert.Equal(0, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Peek_shows_visible_messages_without_delivering_them_and_never_a_delayed_one()
    {
        await _queue.SendAsync("later", TimeSpan.FromMinutes(5));
        Assert.Empty(await _queue.PeekAsync(32));
        await _queue.SendAsync("now ünï");

        var peeked = Assert.Single(await _queue.PeekAsync(32));
        Assert.Equal("now ünï", peeked.Text);
        Assert.Equal(0, peeked.DequeueCount);

        var received = Assert.Single(await _queue.ReceiveAsync(32));
        Assert.Equal(peeked.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty(await _queue.PeekAsync(32));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.PeekAsync(33));
    }

    [Fact]
    public async Task A_delayed_message_is_invisible_before_its_delay_and_visible_after()
    {
        await _queue.SendAsync("later", TimeSpan.FromSeconds(2));
        Assert.Empty(await _queue.ReceiveAsync(32));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<QueueMessage> received = [];
        while (received.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            received = await _queue.ReceiveAsync(32);
        }

        Assert.Equal("later", Assert.Single(received).Text);
    }

    [Fact]
    public async Task Dequeue_count_grows_on_redelivery()
    {
        await _queue.SendAsync("retry me");
        var first = Assert.Single(await _queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, first.DequeueCount);

        IReadOnlyList<QueueMessage> again = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (again.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            again = await _queue.ReceiveAsync(1, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, Assert.Single(again).DequeueCount);
    }

    [Fact]
    public async Task Update_visibility_makes_a_message_visible_now_and_rotates_the_receipt()
    {
        await _queue.SendAsync("hold");
        var held = Assert.Single(await _queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        Assert.Empty(await _queue.ReceiveAsync(1));

        var receipt = await _queue.UpdateVisibilityAsync(held.MessageId, held.PopReceipt, TimeSpan.Zero);
        Assert.NotEqual(held.PopReceipt, receipt);
        var again = Assert.Single(await _queue.ReceiveAsync(1));
        Assert.Equal(held.MessageId, again.MessageId);
    }

    [Fact]
    public async Task A_stale_pop_receipt_cannot_update_a_message()
    {
        await _queue.SendAsync("x");
        var first = Assert.Single(await _queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        await _queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.FromMinutes(5));
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => _queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero));
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task A_message_over_64_KiB_encoded_is_refused_before_sending()
    {
        var largest = new string('a', QueueClient.MaxTextBytes);
        await _queue.SendAsync(largest);
        var tooBig = new string('a', QueueClient.MaxTextBytes + 1);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _queue.SendAsync(tooBig));
        Assert.Contains("at most 65536", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Delays_beyond_seven_days_are_refused_so_callers_hop()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
        var sent = await _queue.SendAsync("x", TimeSpan.FromDays(7));
        Assert.True(sent.NextVisibleOn > DateTimeOffset.UtcNow.AddDays(6.9));
    }

    [Fact]
    public async Task Clear_removes_visible_and_delayed_messages()
    {
        await _queue.SendAsync("now");
        await _queue.SendAsync("later", TimeSpan.FromMinutes(5));
        Assert.Equal(2, await _queue.GetApproximateCountAsync());
        await _queue.ClearAsync();
        Assert.Equal(0, await _queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Sending_to_a_missing_queue_names_the_error_code()
    {
        var missing = new QueueServiceClient(Azurite.Account).GetQueueClient(Azurite.UniqueName("missing"));
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => missing.SendAsync("x"));
        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }
}
