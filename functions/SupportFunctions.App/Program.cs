using SupportFunctions.App;
using SupportFunctions.App.Health;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

var builder = WebApplication.CreateBuilder(args);
var settingProblems = StartupSettings.Problems(builder.Configuration);
if (settingProblems.Count > 0)
{
    // One sentence per broken setting, nothing else: this is what an operator reads in the host's log.
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, settingProblems));
    return 1;
}

ListeningAddress.Apply(builder);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddSupportStorage();
builder.Services.AddSingleton<StorageReadinessProbe>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(ui =>
{
    ui.RoutePrefix = "docs";
    ui.SwaggerEndpoint("/openapi/v1.json", "SupportFunctions v1");
    ui.DocumentTitle = "SupportFunctions API";
});

var api = app.MapGroup("/api");
api.MapGroup("/health").WithTags("Health").MapHealth();

await app.StartAsync();
var accountName = app.Services.GetRequiredService<StorageAccount>().AccountName;
var hostingMode = ListeningAddress.UnderFunctionsHost(app.Configuration) ? "functions-custom-handler" : "standalone";
Logs.Started(app.Logger, accountName, hostingMode);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
