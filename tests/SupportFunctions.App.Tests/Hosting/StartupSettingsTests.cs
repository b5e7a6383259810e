using System.Diagnostics;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Hosting;

/// <summary>Runs the built app as a real process: what an operator sees when a setting is wrong.</summary>
public class StartupSettingsTests
{
    [Fact]
    public async Task A_missing_connection_string_stops_start_up_with_one_sentence()
    {
        var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = null, ["SupportFunctions__Policy"] = "policies/everbridge.json" });
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Setting 'SupportFunctions:Storage:ConnectionString' is missing", line, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_names_the_setting_and_the_form()
    {
        var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = "AccountName=x;AccountKey=%%%", ["SupportFunctions__Policy"] = "policies/everbridge.json" });
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("'SupportFunctions:Storage:ConnectionString' is malformed", line, StringComparison.Ordinal);
        Assert.Contains("not valid base64", line, StringComparison.Ordinal);
        Assert.DoesNotContain("%%%", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_policy_setting_says_which_setting_and_what_it_takes()
    {
        var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = "UseDevelopmentStorage=true", ["SupportFunctions__Policy"] = null });
        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("Setting 'SupportFunctions:Policy' is missing: set it to the path of a policy document, e.g. 'policies/everbridge.json'.", line);
    }

    [Fact]
    public async Task An_invalid_policy_document_stops_start_up_listing_every_problem_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "id": "x", "name": "X", "teams": [], "severities": [ { "level": 1, "name": "One", "colour": "red" } ], "intake": { "defaultSeverity": 1 }, "categories": [ { "id": "q", "name": "Q", "team": "nobody" } ] }""");
        try
        {
            var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = "UseDevelopmentStorage=true", ["SupportFunctions__Policy"] = path });
            Assert.Equal(1, exitCode);
            Assert.Contains("$.severities[0].colour: is not a known member", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_policy_with_broken_references_lists_them_all()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "id": "x", "name": "X", "teams": [ { "id": "s", "name": "S" } ], "severities": [ { "level": 1, "name": "One" } ], "intake": { "defaultSeverity": 2 }, "categories": [ { "id": "q", "name": "Q", "team": "nobody" } ] }""");
        try
        {
            var (exitCode, output) = await RunAppAsync(new Dictionary<string, string?> { ["SupportFunctions__Storage__ConnectionString"] = "UseDevelopmentStorage=true", ["SupportFunctions__Policy"] = path });
            Assert.Equal(1, exitCode);
            Assert.Contains("$.intake.defaultSeverity: is 2, which is not a level in $.severities", output, StringComparison.Ordinal);
            Assert.Contains("$.categories[0].team: names team \"nobody\", which is not in $.teams", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(Dictionary<string, string?> environment)
    {
        using var process = Process.Start(AppProcess.StartInfo(environment, "--urls", "http://127.0.0.1:0"))!;
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
