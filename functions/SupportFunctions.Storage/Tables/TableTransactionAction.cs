namespace SupportFunctions.Storage.Tables;

/// <summary>One operation of an entity group transaction. Updates and deletes use <paramref name="ETag"/> (default "*").</summary>
public sealed record TableTransactionAction(TableTransactionActionKind Kind, TableEntity Entity, string? ETag = null);
