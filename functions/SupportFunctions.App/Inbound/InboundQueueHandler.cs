using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>Processes stored inbound requests (mail, call events) from the inbound queue, under either host.</summary>
public sealed class InboundQueueHandler(InboundStore store, InboundEmailProcessor email, VoiceCallProcessor voice) : IQueueHandler
{
    public string Queue => StorageLayout.InboundQueue;

    public async Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // An unreadable message fails every delivery and ends on the poison list, where a person can see it.
        var item = InboundStore.Parse(message.Text);
        var body = await store.LoadAsync(item, cancellationToken);
        switch (item.Channel)
        {
            case InboundChannels.Email:
                await email.ProcessAsync(item, body, cancellationToken);
                break;
            case InboundChannels.Twilio or InboundChannels.Voice:
                await voice.ProcessAsync(item, body, cancellationToken);
                break;
            default:
                throw new InvalidDataException($"Inbound item {item.Id} has unknown channel '{item.Channel}'.");
        }
    }
}
