namespace SupportFunctions.Functions.Http;

/// <summary>Collects the API's endpoints in the worker, where no Kestrel routing table of ours exists to map them onto.</summary>
internal sealed class WorkerEndpointRouteBuilder(IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider => services;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
}
