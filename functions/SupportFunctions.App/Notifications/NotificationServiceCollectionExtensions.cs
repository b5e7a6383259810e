using Microsoft.Extensions.Options;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Reconcilers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox: dispatch after case commits, the sender and its queue handler, the reconciler, and the configured provider.</summary>
    public static IServiceCollection AddSupportNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<RecentDirectory>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<DeliveryTraces>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<IQueueHandler, NotificationQueueHandler>();
        services.AddSingleton<OutboxReconciler>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<OutboxReconciler>());
        services.AddHttpClient(SendGridMailProvider.HttpClientName, (sp, http) => http.Timeout = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<SendGridOptions>>().Value.TimeoutSeconds)));
        var provider = configuration[$"{MailOptions.Section}:Provider"] ?? MailProviders.Outbox;
        if (string.Equals(provider, MailProviders.SendGrid, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMailProvider>(sp => new SendGridMailProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridMailProvider.HttpClientName),
                sp.GetRequiredService<IOptions<SendGridOptions>>(),
                sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IMailProvider, OutboxMailProvider>();
        }

        return services;
    }
}
