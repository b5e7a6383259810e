namespace SupportFunctions.Storage.Blobs;

/// <summary>What a SAS URL lets its holder do; written in the service's canonical order (racwd).</summary>
[Flags]
public enum BlobSasPermissions
{
    None = 0,
    Read = 1,
    Add = 2,
    Create = 4,
    Write = 8,
    Delete = 16,
}
