namespace SupportFunctions.Storage;

/// <summary>The three services differ in how SharedKey requests are signed and errors are written.</summary>
public enum StorageServiceKind
{
    Blob,
    Queue,
    Table,
}
