using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// The real app in-process (TestHost) with its settings given per test: Azurite storage under a prefix of its own, a
/// policy document from policies/, and a bootstrap administrator key.
/// </summary>
public sealed class SupportAppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? _services;

    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef0123456789";

    public SupportAppFactory()
        : this(Settings())
    {
    }

    /// <summary>Settings for an app on the test Azurite with a fresh storage prefix and the named policy.</summary>
    public static Dictionary<string, string?> Settings(string policy = "everbridge", string? connectionString = null) => new()
    {
        ["SupportFunctions:Storage:ConnectionString"] = connectionString ?? Azurite.ConnectionString,
        ["SupportFunctions:Storage:Prefix"] = Azurite.UniqueName("t"),
        ["SupportFunctions:Policy"] = policy.EndsWith(".json", StringComparison.Ordinal) ? policy : RepositoryPaths.Combine("policies", policy + ".json"),
        ["SupportFunctions:Admin:BootstrapKey"] = BootstrapKey,
        ["SupportFunctions:Queues:PollIntervalMilliseconds"] = "100",
        ["SupportFunctions:Timers:ReconcileIntervalSeconds"] = "0",
    };

    public static SupportAppFactory WithStorage(string connectionString) => new(Settings(connectionString: connectionString));

    public string Prefix => settings["SupportFunctions:Storage:Prefix"]!;

    /// <summary>The same app with extra or replaced services (a test effect, a test clock).</summary>
    public SupportAppFactory WithServices(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> services)
    {
        _services = services;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
