namespace SupportFunctions.Storage.Tables;

public enum TableTransactionActionKind
{
    Add,
    UpsertReplace,
    UpsertMerge,
    UpdateReplace,
    UpdateMerge,
    Delete,
}
