using System.Diagnostics;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Hosting;

/// <summary>Runs the built app as a real process: what an operator sees when a setting is wrong.</summary>
public class StartupSettingsTests
{
    [Fact]
    public async Task A_missing_connection_string_stops_start_up_with_one_sentence()
    {
        var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = null });
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Setting 'SupportFunctions:Storage:ConnectionString' is missing", line, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_names_the_setting_and_the_form()
    {
        var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = "AccountName=x;AccountKey=%%%" });
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("'SupportFunctions:Storage:ConnectionString' is malformed", line, StringComparison.Ordinal);
        Assert.Contains("not valid base64", line, StringComparison.Ordinal);
        Assert.DoesNotContain("%%%", line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(Dictionary<string, string?> environment)
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "SupportFunctions.App.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll, "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
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

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The app kept running although its storage setting is wrong.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
