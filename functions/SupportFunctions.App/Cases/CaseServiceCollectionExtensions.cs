using SupportFunctions.App.Policies;
using SupportFunctions.App.Uploads;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>The policy, case intake and uploads.</summary>
    public static IServiceCollection AddSupportCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var policy = PolicyFile.Load(configuration);
            Logs.PolicyLoaded(sp.GetRequiredService<ILogger<SupportPolicy>>(), policy.Id, policy.Categories.Count, policy.Severities.Count);
            return policy;
        });
        services.AddSingleton<UploadService>();
        services.AddSingleton<CaseAccess>();
        services.AddSingleton<CaseListings>();
        services.AddSingleton<CaseViews>();
        services.AddSingleton<CaseIntakeService>();
        services.AddSingleton<CaseChanges>();

        return services;
    }
}
