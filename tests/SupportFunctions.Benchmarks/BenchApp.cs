using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportFunctions.Benchmarks;

/// <summary>The real app on Kestrel (loopback, free port), on the bench's Azurite, under its own storage prefix.</summary>
public sealed class BenchApp(string connectionString, string policyPath, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "bench-bootstrap-key-0123456789abcdef0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("SupportFunctions:Storage:ConnectionString", connectionString);
        builder.UseSetting("SupportFunctions:Storage:Prefix", "b" + Guid.NewGuid().ToString("N")[..10]);
        builder.UseSetting("SupportFunctions:Policy", policyPath);
        builder.UseSetting("SupportFunctions:Admin:BootstrapKey", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
