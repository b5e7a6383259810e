using SupportFunctions.App.AgentConsole;
using SupportFunctions.App.AgentQueues;
using SupportFunctions.App.Reports;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Health;
using SupportFunctions.App.Inbound;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Partners;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Security;
using SupportFunctions.App.Uploads;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// The HTTP API, for both hosts: the middleware every request passes, and every route. The standalone service maps
/// them onto Kestrel; the Azure Functions worker runs each HTTP function's request through the same middleware to the
/// same endpoint, so the two cannot answer differently.
/// </summary>
public static class SupportApi
{
    /// <summary>Problem details for failures and bare status codes, API-key authentication, the route groups' authorization and rate limits.</summary>
    public static IApplicationBuilder UseSupportPipeline(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseRequestLimits();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Every route of the API, each named (the Functions app names its HTTP functions after them), each group with its authorization and rate limits.</summary>
    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").WithName("OpenApiDocument");
        var api = endpoints.MapGroup("/api");
        // Webhooks keep whatever query string their sender's configured URL carries; everything else names its parameters.
        var named = api.MapGroup(string.Empty).RejectUnknownQueryParameters();
        named.MapGroup("/health").WithTags("Health").MapHealth();
        named.MapGroup("/me").WithTags("Identity").RequireAuthorization(AccessPolicies.Authenticated).MapMe();
        named.MapGroup("/cases").WithTags("Cases").RequireAuthorization(AccessPolicies.Authenticated).MapCases().MapCaseActions();
        named.MapGroup("/public/cases").WithTags("Cases").RequireRateLimiting(RateLimits.PublicIntake).MapPublicCases();
        named.MapGroup("/uploads").WithTags("Uploads").RequireAuthorization(AccessPolicies.Authenticated).MapUploads();
        named.MapGroup("/queue").WithTags("Queues and reports").RequireAuthorization(AccessPolicies.Staff).MapAgentQueue();
        named.MapGroup("/reports").WithTags("Queues and reports").RequireAuthorization(AccessPolicies.Staff).MapReports();
        named.MapGroup("/defects").WithTags("Cases").RequireAuthorization(AccessPolicies.Staff).MapDefects();
        named.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapAdmin();
        named.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.Staff).MapAgentProfiles();
        named.MapGroup("/admin/poison").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapPoison();
        named.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapInboundAdmin();
        named.MapGroup("/admin").WithTags("Retention").RequireAuthorization(AccessPolicies.Admin).MapRetention();
        named.MapGroup("/admin").WithTags("Notifications").RequireAuthorization(AccessPolicies.Admin).MapOutbox();
        named.MapGroup("/admin").WithTags("Partners").RequireAuthorization(AccessPolicies.Admin).MapPartnerAdmin();
        named.MapGroup("/partners/me").WithTags("Partners").RequireAuthorization(AccessPolicies.Partner).RequireRateLimiting(RateLimits.PartnerKey).MapPartners();
        api.MapGroup("/inbound").WithTags("Inbound").AllowAnonymous().MapInbound();
        endpoints.MapConsole();
        return endpoints;
    }
}
