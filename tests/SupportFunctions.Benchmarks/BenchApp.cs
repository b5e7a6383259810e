using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Storage;

namespace SupportFunctions.Benchmarks;

/// <summary>The real app on Kestrel (loopback, free port), on the bench's Azurite, under its own storage prefix.</summary>
/// <remarks><paramref name="services"/> adds to the app's own registrations (a benchmark-only orchestration).</remarks>
public sealed class BenchApp(string connectionString, string policyPath, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
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

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Starts the app on Kestrel, waits for its storage layout, and returns a client with the administrator key.</summary>
    public async Task<HttpClient> StartAsAdminAsync()
    {
        UseKestrel(0);
        StartServer();
        await Services.GetRequiredService<StorageInitializer>().Ready;
        var admin = CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return admin;
    }

    /// <summary>Issues a key for a contact the bench created and returns a client that uses it.</summary>
    public async Task<HttpClient> ContactClientAsync(HttpClient admin, string accountId, string contactId)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var issued = await admin.PostAsJsonAsync("/api/admin/keys", new { principalKind = "contact", principalId = contactId, accountId });
        await ExpectAsync(issued);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        return client;
    }

    /// <summary>Seeding must succeed: a refused request stops the bench with the app's answer.</summary>
    public static async Task ExpectAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
