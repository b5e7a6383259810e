using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.Functions.Tests;

/// <summary>
/// The Functions app's services as its Program composes them, on Azurite, without the Functions host: functions are
/// called as the host would call them, with an HttpRequest of their own and a Durable client from the in-memory
/// test backend standing in for the [DurableClient] binding.
/// </summary>
internal sealed class FunctionsWorker : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DurableTaskTestHost _durable;

    private FunctionsWorker(IHost host, DurableTaskTestHost durable)
    {
        _host = host;
        _durable = durable;
    }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Durable => _durable.Client;

    /// <summary>A worker on the storage prefix (and policy) of <paramref name="prefix"/>, so a standalone app on the same prefix sees the same data.</summary>
    public static async Task<FunctionsWorker> StartAsync(string policy, string prefix)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = SupportAppFactory.Settings(policy);
        settings["SupportFunctions:Storage:Prefix"] = prefix;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSupportFunctions(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(TestTimeout.Token());
        return new FunctionsWorker(host, await InMemoryDurable.StartAsync(_ => { }, TestTimeout.Token()));
    }

    public T Functions<T>() => ActivatorUtilities.CreateInstance<T>(_host.Services);

    /// <summary>Calls an HTTP function with a request as the host forwards it; answers the response the function wrote.</summary>
    public async Task<(int Status, string Body, string? ContentType)> InvokeAsync(Func<HttpRequest, DurableTaskClient, Task<IActionResult>> function, string method, string path, string? apiKey = null, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        await using var scope = _host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var pathAndQuery = path.Split('?', 2);
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("supportfunctions.azurewebsites.net");
        context.Request.Path = pathAndQuery[0];
        context.Request.QueryString = pathAndQuery.Length > 1 ? new QueryString("?" + pathAndQuery[1]) : QueryString.Empty;
        if (apiKey is not null)
        {
            context.Request.Headers["X-Api-Key"] = apiKey;
        }

        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        var result = await function(context.Request, _durable.Client);

        Assert.IsType<EmptyResult>(result);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.ContentType);
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _host.StopAsync(TestTimeout.Token());
        _host.Dispose();
    }
}
