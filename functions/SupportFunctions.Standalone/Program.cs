using SupportFunctions.App.Hosting;
using SupportFunctions.Standalone;
using SupportFunctions.Storage;

var builder = WebApplication.CreateBuilder(args);
var settingProblems = StartupSettings.Problems(builder.Configuration);
if (settingProblems.Count > 0)
{
    // One sentence per broken setting (a policy document lists each of its problems): what an operator reads in the log.
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, settingProblems));
    return 1;
}

builder.Services.AddStandaloneHost(builder.Configuration);
builder.WebHost.ConfigureKestrel(RequestLimits.ConfigureServer);

var app = builder.Build();
app.UseSupportPipeline();
app.UseSwaggerUI(ui =>
{
    ui.RoutePrefix = "docs";
    ui.SwaggerEndpoint("/openapi/v1.json", "SupportFunctions v1");
    ui.DocumentTitle = "SupportFunctions API";
});
app.MapSupportApi();

await app.StartAsync();
Logs.Started(app.Logger, app.Services.GetRequiredService<StorageConnection>().AccountName);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
