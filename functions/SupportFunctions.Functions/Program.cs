using Microsoft.Azure.Functions.Worker.Builder;
using SupportFunctions.App.Hosting;
using SupportFunctions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
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
