using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>The real app in-process (TestHost) with its settings given per test; storage is whatever the settings name.</summary>
public sealed class SupportAppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public SupportAppFactory()
        : this(new Dictionary<string, string?> { ["SupportFunctions:Storage:ConnectionString"] = Azurite.ConnectionString })
    {
    }

    public static SupportAppFactory WithStorage(string connectionString) =>
        new(new Dictionary<string, string?> { ["SupportFunctions:Storage:ConnectionString"] = connectionString });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
