using System.Text;
using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>Inbound email, calls and queue intake: the webhook store, the processors and their queue handlers.</summary>
    public static IServiceCollection AddSupportInbound(this IServiceCollection services)
    {
        // Mail bodies arrive in legacy charsets (windows-1252, iso-2022-jp…) that .NET only knows with this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.Section);
        services.AddSingleton<InboundStore>();
        services.AddSingleton<CallCaseNumbers>();
        services.AddSingleton<InboundEmailProcessor>();
        services.AddSingleton<VoiceCallProcessor>();
        services.AddSingleton<IQueueHandler, InboundQueueHandler>();
        services.AddSingleton<IQueueHandler, QueuedCaseHandler>();
        return services;
    }
}
