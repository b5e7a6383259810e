using System.Diagnostics;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>The standalone service as its own process (<c>dotnet SupportFunctions.Standalone.dll</c>), as an operator starts it: Production, settings from the environment.</summary>
public static class AppProcess
{
    /// <summary>Environment variables by name; a null value removes the variable the test process would pass on.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SupportFunctions.Standalone.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }
}
