namespace SupportFunctions.App.Cases;

/// <summary><c>SupportFunctions:RateLimits</c>: how many case submissions one address may make a minute without an API key.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "SupportFunctions:RateLimits";

    public int PublicIntakePerMinute { get; set; } = 30;
}
