using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Hosting;

namespace SupportFunctions.App.Security;

/// <summary>
/// Rate limits attached to route groups: a fixed window per client address for requests without an API key, and a
/// token bucket per partner API key. A rejection is a 429 problem with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string PublicIntake = "public-intake";
    public const string PartnerKey = "partner-key";

    public static IServiceCollection AddSupportRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicIntake, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicIntakePerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(PartnerKey, context => RateLimitPartition.GetTokenBucketLimiter(
                KeyIdOf(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.PartnerBurst),
                    TokensPerPeriod = Math.Max(1, options.PartnerPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var detail = context.HttpContext.Request.Path.StartsWithSegments("/api/partners", StringComparison.OrdinalIgnoreCase)
                    ? $"This API key may make {options.PartnerBurst} requests at once and {options.PartnerPerSecond} a second after that; retry after {retryAfter} s."
                    : $"At most {options.PublicIntakePerMinute} requests a minute without an API key; retry after {retryAfter} s.";
                await Problems.Problem(429, "Too many requests.", detail, "rate-limited").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The key id of the presented API key (its public part): each key has its own bucket, rotated keys included.</summary>
    private static string KeyIdOf(HttpContext context) =>
        ApiKeyFormat.TryParse(context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString().Trim(), out var keyId, out _) ? keyId : "no-key";
}
