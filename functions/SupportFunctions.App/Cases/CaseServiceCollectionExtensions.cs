using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Policies;
using SupportFunctions.App.Uploads;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

public static class CaseServiceCollectionExtensions
{
    public const string PublicIntakeLimit = "public-intake";

    /// <summary>The policy, case intake, uploads and the rate limit on requests without an API key.</summary>
    public static IServiceCollection AddSupportCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var policy = PolicyFile.Load(configuration);
            Logs.PolicyLoaded(sp.GetRequiredService<ILogger<SupportPolicy>>(), policy.Id, policy.Categories.Count, policy.Severities.Count);
            return policy;
        });
        services.AddSingleton<UploadUrlSigner>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<CaseAccess>();
        services.AddSingleton<CaseIntakeService>();

        var perMinute = (configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions()).PublicIntakePerMinute;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicIntakeLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Problem(429, "Too many requests.", $"At most {perMinute} requests a minute without an API key; retry after a minute.", "rate-limited")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
