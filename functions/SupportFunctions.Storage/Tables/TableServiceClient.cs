namespace SupportFunctions.Storage.Tables;

/// <summary>The account's Table service; hands out <see cref="TableClient"/>s that share one pipeline.</summary>
public sealed class TableServiceClient(StorageAccount account, StorageClientOptions? options = null)
{
    private readonly StoragePipeline _pipeline = new(account, StorageServiceKind.Table, options);

    public TableClient GetTableClient(string tableName) => new(_pipeline, tableName);
}
