using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// The Durable Task worker (our orchestrators and activities) and client, both on the standalone durable backend
    /// (<see cref="DurableBackend"/>: the Azure Storage provider over our account, behind a loopback gRPC sidecar).
    /// </summary>
    public static IServiceCollection AddSupportDurable(this IServiceCollection services)
    {
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.Section);
        services.AddSingleton<DurableBackend>();
        // Registered before the worker, so the sidecar is listening (and the task hub exists) when the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<DurableBackend>());
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(AddSupportTasks);
            builder.UseGrpc();
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName).Configure<DurableBackend>((options, backend) => options.Channel = backend.Channel);
        services.AddDurableTaskClient(builder => builder.UseGrpc());
        services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>(Options.DefaultName).Configure<DurableBackend>((options, backend) => options.Channel = backend.Channel);
        return services;
    }

    /// <summary>Every orchestrator and activity of the app, the one list both hosts (standalone and Functions) register.</summary>
    public static void AddSupportTasks(DurableTaskRegistry tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        tasks.AddOrchestrator<CaseSlaOrchestration>();
        tasks.AddOrchestrator<CustomerWaitOrchestration>();
        tasks.AddOrchestrator<RetentionPurgeOrchestration>();
        tasks.AddActivity<PlanSlaCheckActivity>();
        tasks.AddActivity<ApplySlaThresholdsActivity>();
        tasks.AddActivity<RemindCustomerActivity>();
        tasks.AddActivity<AutoCloseCaseActivity>();
        tasks.AddActivity<PlanPurgePageActivity>();
        tasks.AddActivity<ExecutePurgePageActivity>();
        tasks.AddActivity<FinishPurgeRunActivity>();
    }
}
