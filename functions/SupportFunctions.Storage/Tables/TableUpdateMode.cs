namespace SupportFunctions.Storage.Tables;

/// <summary>Replace writes exactly the given properties; Merge keeps properties the entity does not mention.</summary>
public enum TableUpdateMode
{
    Replace,
    Merge,
}
