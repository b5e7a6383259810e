using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace SupportFunctions.Storage.Tables;

/// <summary>One table: create, point operations with ETags, paged queries and entity group transactions.</summary>
public sealed class TableClient
{
    private const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    private readonly StoragePipeline _pipeline;

    internal TableClient(StoragePipeline pipeline, string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        _pipeline = pipeline;
        Name = tableName;
    }

    public string Name { get; }

    /// <summary>Creates the table; an existing table is success.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 204 or 409))
        {
            throw _pipeline.Failure(response, $"Create table '{Name}'");
        }
    }

    /// <summary>Deletes the table; a missing table is success.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Delete, $"Tables('{Name}')");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw _pipeline.Failure(response, $"Delete table '{Name}'");
        }
    }

    /// <summary>Reads one entity; null when it does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var selectText = select is null ? null : string.Join(',', select);
        using var message = Message(RequestMethod.Get, TableKeys.EntityPath(Name, partitionKey, rowKey), ("$select", selectText));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Get entity '{partitionKey}'/'{rowKey}' from '{Name}'");
        }

        using var document = JsonDocument.Parse(response.Content.ToMemory());
        return EntityJson.Read(document.RootElement, response.Headers.ETag?.ToString());
    }

    /// <summary>Inserts a new entity; an existing one throws <see cref="StorageConflictException"/>. Returns the new ETag.</summary>
    public async Task<string> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = Message(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(EntityJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 204))
        {
            throw _pipeline.Failure(response, $"Insert entity '{entity.PartitionKey}'/'{entity.RowKey}' into '{Name}'");
        }

        return entity.ETag = ETagOf(response);
    }

    /// <summary>Insert-or-replace / insert-or-merge, with no concurrency check.</summary>
    public Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, mode, ifMatch: null, "Upsert", cancellationToken);

    /// <summary>
    /// Updates an existing entity only if its ETag still matches (<c>"*"</c> for any version):
    /// a mismatch throws <see cref="StorageConcurrencyException"/>, a missing entity a 404 <see cref="StorageRequestFailedException"/>.
    /// </summary>
    public Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(entity, mode, ifMatch, "Update", cancellationToken);
    }

    /// <summary>Deletes when the ETag matches (<c>"*"</c> unconditionally); an entity already gone is success.</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Delete, TableKeys.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw _pipeline.Failure(response, $"Delete entity '{partitionKey}'/'{rowKey}' from '{Name}'");
        }
    }

    /// <summary>
    /// Query pages. <paramref name="top"/> is the page size (the service caps a page at 1,000); pages continue until the
    /// service stops returning continuation headers. Start from a token a previous page returned to resume.
    /// </summary>
    public async IAsyncEnumerable<TablePage> QueryPagesAsync(
        TableFilter? filter = null,
        IEnumerable<string>? select = null,
        int? top = null,
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, "A page holds 1 to 1,000 entities.");
        }

        var selectText = select is null ? null : string.Join(',', select.Concat(["PartitionKey", "RowKey"]).Distinct(StringComparer.Ordinal));
        var token = continuationToken;
        do
        {
            var (nextPk, nextRk) = TableContinuation.Decode(token);
            using var message = Message(
                RequestMethod.Get,
                Name + "()",
                ("$filter", filter?.ToString()),
                ("$select", selectText),
                ("$top", top?.ToString(CultureInfo.InvariantCulture)),
                ("NextPartitionKey", nextPk),
                ("NextRowKey", nextRk));
            var response = await _pipeline.SendAsync(message, cancellationToken);
            if (response.Status != 200)
            {
                throw _pipeline.Failure(response, $"Query '{Name}'");
            }

            var items = new List<TableEntity>();
            using (var document = JsonDocument.Parse(response.Content.ToMemory()))
            {
                foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
                {
                    items.Add(EntityJson.Read(element));
                }
            }

            response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk);
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk);
            token = TableContinuation.Encode(pk, rk);
            yield return new TablePage(items, token);
        }
        while (token is not null);
    }

    /// <summary>Every entity matching the filter, page after page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        TableFilter? filter = null,
        IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(filter, select, null, null, cancellationToken))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// An entity group transaction: up to 100 operations on distinct entities of one partition, applied all or nothing.
    /// Returns the new ETag per operation (null for deletes). A rejected batch throws <see cref="TableTransactionFailedException"/>.
    /// </summary>
    public async Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var batch = TableBatch.Build(_pipeline.Endpoint, Name, actions);
        using var message = Message(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 202)
        {
            var failure = _pipeline.Failure(response, $"Transaction on '{Name}'");
            throw new TableTransactionFailedException(failure.Status, failure.ErrorCode, failure.RequestId, null, failure.Message);
        }

        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        response.Headers.TryGetValue("Content-Type", out var contentType);
        return TableBatch.ReadResponse(contentType ?? string.Empty, response.Content.ToString(), actions, requestId, Name);
    }

    private async Task<string> WriteAsync(TableEntity entity, TableUpdateMode mode, string? ifMatch, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = Message(mode == TableUpdateMode.Merge ? new RequestMethod("MERGE") : RequestMethod.Put, TableKeys.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        message.Request.Content = RequestContent.Create(EntityJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw _pipeline.Failure(response, $"{operation} entity '{entity.PartitionKey}'/'{entity.RowKey}' in '{Name}'");
        }

        return entity.ETag = ETagOf(response);
    }

    private HttpMessage Message(RequestMethod method, string path, params (string Name, string? Value)[] query)
    {
        var message = _pipeline.CreateMessage(method, path, query);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", JsonMinimalMetadata);
        headers.SetValue("DataServiceVersion", "3.0;NetFx");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (method != RequestMethod.Get && method != RequestMethod.Delete)
        {
            headers.SetValue("Content-Type", "application/json");
        }

        return message;
    }

    private static string ETagOf(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? etag : throw new StorageRequestFailedException(response.Status, "MissingETag", null, "The table service answered without an ETag.");
}
