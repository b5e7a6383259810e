namespace SupportFunctions.App.Security;

/// <summary>Authorization policy names, attached to route groups.</summary>
public static class AccessPolicies
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Contact = "contact";
    public const string Partner = "partner";

    /// <summary>Anyone of the support desk itself: a contact, an agent or an administrator (a partner has its own API).</summary>
    public const string Authenticated = "authenticated";

    public static IServiceCollection AddSupportAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Authenticated, p => p.RequireRole("contact", "agent", "admin"))
            .AddPolicy(Partner, p => p.RequireRole("partner"))
            .AddPolicy(Admin, p => p.RequireRole("admin"))
            .AddPolicy(Staff, p => p.RequireRole("admin", "agent"))
            .AddPolicy(Contact, p => p.RequireRole("contact"));
        return services;
    }
}
