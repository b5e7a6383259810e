namespace SupportFunctions.App.Cases;

/// <summary><c>SupportFunctions:RateLimits</c>: case submissions per address a minute without an API key, and each partner key's token bucket.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "SupportFunctions:RateLimits";

    public int PublicIntakePerMinute { get; set; } = 30;

    /// <summary>Requests one partner API key may make in a burst (the bucket's size).</summary>
    public int PartnerBurst { get; set; } = 60;

    /// <summary>Tokens added to each partner key's bucket every second.</summary>
    public int PartnerPerSecond { get; set; } = 10;
}
