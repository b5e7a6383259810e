using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// A running app for scenario tests: an administrator client, helpers to seed accounts, contacts and keys through the
/// admin API (as an operator would), and a snapshot of every table to prove a refused request wrote nothing.
/// </summary>
public sealed class SupportApp : IAsyncDisposable
{
    private readonly SupportAppFactory _factory;

    private SupportApp(SupportAppFactory factory)
    {
        _factory = factory;
        Admin = Client(SupportAppFactory.BootstrapKey);
        Anonymous = _factory.CreateClient();
    }

    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    /// <summary>Where the app listens: a loopback port when started on Kestrel.</summary>
    public Uri BaseAddress => Anonymous.BaseAddress!;

    public IServiceProvider Services => _factory.Services;

    public string Prefix => _factory.Prefix;

    /// <summary>Starts an app; <paramref name="policy"/> is a name in policies/ or a path to a document.</summary>
    /// <remarks><paramref name="onKestrel"/>: on a real loopback port (<see cref="BaseAddress"/>), for a browser.</remarks>
    public static async Task<SupportApp> StartAsync(string policy, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, bool onKestrel = false)
    {
        var settings = SupportAppFactory.Settings(policy);
        configure?.Invoke(settings);
        var factory = new SupportAppFactory(settings);
        var configured = services is null ? factory : factory.WithServices(services);
        if (onKestrel)
        {
            configured.UseKestrel(0);
            configured.StartServer();
        }

        var app = new SupportApp(configured);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(timeout.Token);
        return app;
    }

    public HttpClient Client(string apiKey)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async Task<string> CreateAccountAsync(object account)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/accounts", account);
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<string> CreateContactAsync(string accountId, object contact)
    {
        var response = await Admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/contacts", contact);
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<string> IssueKeyAsync(string kind, string principalId, string? accountId = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/keys", new { principalKind = kind, principalId, accountId });
        await Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>An account with one contact and a client holding that contact's key.</summary>
    public async Task<Customer> CustomerAsync(string[]? roles = null, bool designated = false, string contract = "active", object? customRoles = null, string? email = null, string timeZone = "America/New_York", string language = "es")
    {
        var accountId = await CreateAccountAsync(new { name = "Acme " + Guid.NewGuid().ToString("N")[..6], timeZone, language, contractStatus = contract, customRoles });
        return await ContactAsync(accountId, roles, designated, email);
    }

    /// <summary>Another contact of an existing account.</summary>
    public async Task<Customer> ContactAsync(string accountId, string[]? roles = null, bool designated = false, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@acme.example";
        var contactId = await CreateContactAsync(accountId, new { name = "Ana Souza", email, roles = roles ?? ["Administrator"], designated });
        var key = await IssueKeyAsync("contact", contactId, accountId);
        return new Customer(accountId, contactId, email, Client(key), key);
    }

    /// <summary>
    /// Waits until every notification of the case is delivered or settled: delivery runs in the background and writes
    /// (intent state, Message-ID), so a test comparing snapshots lets it finish first.
    /// </summary>
    public Task NotificationsSettledAsync(string caseNumber) =>
        Eventually.WaitAsync(
            async () => (await (await Admin.GetAsync(new Uri($"/api/admin/cases/{caseNumber}/notifications", UriKind.Relative))).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList(),
            states => states.Count > 0 && states.All(s => s is "sent" or "suppressed" or "failed"),
            TimeSpan.FromSeconds(30),
            $"the notifications of {caseNumber} to settle");

    /// <summary>Entity count per table of this app's prefix: equal before and after means nothing was written.</summary>
    public async Task<Dictionary<string, int>> SnapshotAsync()
    {
        var layout = Services.GetRequiredService<StorageLayout>();
        var counts = new Dictionary<string, int>();
        foreach (var name in StorageLayout.TableNames)
        {
            counts[name] = await layout.Table(name).QueryEntitiesAsync(select: ["PartitionKey"]).CountAsync();
        }

        return counts;
    }

    /// <summary>Stops the app (its workers too) but keeps its storage, for restart tests.</summary>
    public ValueTask StopAsync() => _factory.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var layout = Services.GetRequiredService<StorageLayout>();
        await _factory.DisposeAsync();
        foreach (var name in StorageLayout.TableNames)
        {
            await layout.Table(name).DeleteAsync();
        }

        foreach (var name in StorageLayout.ContainerNames)
        {
            await layout.Container(name).DeleteAsync();
        }

        foreach (var name in StorageLayout.QueueNames)
        {
            await layout.Queue(name).DeleteAsync();
        }
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new Xunit.Sdk.XunitException($"Expected {(int)status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>A seeded customer: the account, the contact, and a client authenticated as that contact.</summary>
public sealed record Customer(string AccountId, string ContactId, string Email, HttpClient Client, string Key);
