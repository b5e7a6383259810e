using Azure.Core;

namespace SupportFunctions.Storage.Tables;

/// <summary>The account's Table service; hands out <see cref="TableClient"/>s that share one pipeline.</summary>
public sealed class TableServiceClient(StorageAccount account, StorageClientOptions? options = null)
{
    private readonly StoragePipeline _pipeline = new(account, StorageServiceKind.Table, options);

    public TableClient GetTableClient(string tableName) => new(_pipeline, tableName);

    /// <summary>The cheapest authenticated request (list one table): succeeds only if the service answers and accepts our credentials.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "Tables", ("$top", "1"));
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, "List tables");
        }
    }
}
