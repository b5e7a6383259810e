using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Policies;

/// <summary>Finds and reads the policy document named by <c>SupportFunctions:Policy</c>: absolute, or relative to the working directory or the app's folder.</summary>
public static class PolicyFile
{
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var fromWorkingDirectory = Path.GetFullPath(path);
        return File.Exists(fromWorkingDirectory) ? fromWorkingDirectory : Path.Combine(AppContext.BaseDirectory, path);
    }

    /// <exception cref="InvalidOperationException">One sentence when the setting is missing or the file is absent.</exception>
    /// <exception cref="InvalidPolicyException">Every problem of an invalid document.</exception>
    public static SupportPolicy Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[PolicyOptions.Setting];
        if (string.IsNullOrWhiteSpace(setting))
        {
            throw new InvalidOperationException($"Setting '{PolicyOptions.Setting}' is missing: set it to the path of a policy document, e.g. 'policies/everbridge.json'.");
        }

        var path = Resolve(setting);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Setting '{PolicyOptions.Setting}' names '{setting}', which does not exist (looked for {path}).");
        }

        return PolicyDocument.Parse(File.ReadAllText(path), path);
    }
}
