namespace SupportFunctions.App.Notifications;

/// <summary><c>SupportFunctions:Mail:SendGrid</c>: the v3 API endpoint and key (a Key Vault reference in Azure).</summary>
public sealed class SendGridOptions
{
    public const string Section = "SupportFunctions:Mail:SendGrid";

    public string ApiKey { get; set; } = string.Empty;

    /// <summary>https://api.sendgrid.com, or https://api.eu.sendgrid.com for EU regional subusers.</summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Ask the Email Activity API (a paid SendGrid add-on) whether an intent whose earlier attempt was cut off was
    /// accepted, before sending it again. Off: such an intent is sent again with the same Message-ID.
    /// </summary>
    public bool ActivityLookup { get; set; }
}
