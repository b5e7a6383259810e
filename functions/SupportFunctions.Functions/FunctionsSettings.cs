using SupportFunctions.App.Storage;

namespace SupportFunctions.Functions;

/// <summary>What the worker needs beyond the app's own settings (<see cref="App.Hosting.StartupSettings"/>).</summary>
public static class FunctionsSettings
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = configuration[StorageOptions.Section + ":Prefix"];
        return string.IsNullOrEmpty(prefix)
            ? []
            : [$"Setting '{StorageOptions.Section}:Prefix' is '{prefix}'; under Azure Functions it must be empty, because the queue triggers listen on the storage layout's own queue names (give each app its own storage account)."];
    }
}
