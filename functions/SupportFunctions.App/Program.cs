using System.Text.Json;
using System.Text.Json.Serialization;
using SupportFunctions.App;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Health;
using SupportFunctions.App.Functions;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Inbound;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Partners;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Timers;
using SupportFunctions.App.Security;
using SupportFunctions.App.Storage;
using SupportFunctions.App.Uploads;
using SupportFunctions.Storage;

var builder = WebApplication.CreateBuilder(args);
var settingProblems = StartupSettings.Problems(builder.Configuration);
if (settingProblems.Count > 0)
{
    // One sentence per broken setting (a policy document lists each of its problems): what an operator reads in the log.
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, settingProblems));
    return 1;
}

ListeningAddress.Apply(builder);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddOpenApi();
builder.Services.AddSupportStorage();
builder.Services.AddSupportAuthentication();
builder.Services.AddSupportCases(builder.Configuration);
builder.Services.AddSupportTimers(builder.Configuration);
builder.Services.AddSupportInbound();
builder.Services.AddSupportRetention(builder.Configuration);
builder.Services.AddSupportNotifications(builder.Configuration);
builder.Services.AddSingleton<SupportContactDirectory>();
builder.Services.AddSupportRateLimits(builder.Configuration);
builder.Services.AddSingleton<StorageReadinessProbe>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(ui =>
{
    ui.RoutePrefix = "docs";
    ui.SwaggerEndpoint("/openapi/v1.json", "SupportFunctions v1");
    ui.DocumentTitle = "SupportFunctions API";
});

var api = app.MapGroup("/api");
api.MapGroup("/health").WithTags("Health").MapHealth();
api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(AccessPolicies.Authenticated).MapCases().MapCaseActions();
api.MapGroup("/public/cases").WithTags("Cases").RequireRateLimiting(RateLimits.PublicIntake).MapPublicCases();
api.MapGroup("/uploads").WithTags("Uploads").RequireAuthorization(AccessPolicies.Authenticated).MapUploads();
api.MapGroup("/defects").WithTags("Cases").RequireAuthorization(AccessPolicies.Staff).MapDefects();
api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapAdmin();
api.MapGroup("/admin/poison").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapPoison();
api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.Admin).MapInboundAdmin();
api.MapGroup("/admin").WithTags("Retention").RequireAuthorization(AccessPolicies.Admin).MapRetention();
api.MapGroup("/admin").WithTags("Notifications").RequireAuthorization(AccessPolicies.Admin).MapOutbox();
api.MapGroup("/admin").WithTags("Partners").RequireAuthorization(AccessPolicies.Admin).MapPartnerAdmin();
api.MapGroup("/partners/me").WithTags("Partners").RequireAuthorization(AccessPolicies.Partner).RequireRateLimiting(RateLimits.PartnerKey).MapPartners();
api.MapGroup("/inbound").WithTags("Inbound").AllowAnonymous().MapInbound();

app.MapFunctionsHost();

await app.StartAsync();
var accountName = app.Services.GetRequiredService<StorageConnection>().AccountName;
var hostingMode = ListeningAddress.UnderFunctionsHost(app.Configuration) ? "functions-custom-handler" : "standalone";
Logs.Started(app.Logger, accountName, hostingMode);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
