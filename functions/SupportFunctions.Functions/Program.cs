using Microsoft.Azure.Functions.Worker.Builder;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Queues;
using SupportFunctions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The host's triggers and the Durable extension do what the standalone service's pollers, schedules and backend do.
builder.Configuration[HostingMode.Setting] = HostingMode.Functions;
var settingProblems = StartupSettings.Problems(builder.Configuration).Concat(FunctionsSettings.Problems(builder.Configuration)).ToList();
if (settingProblems.Count > 0)
{
    // One sentence per broken setting, as the standalone service reports them.
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, settingProblems));
    return 1;
}

builder.Services.AddSupportFunctions(builder.Configuration);
await builder.Build().RunAsync();
return 0;
