namespace SupportFunctions.Storage.Tests;

/// <summary>
/// The Azurite instance scripts/test started for this run (its connection string in SUPPORTFUNCTIONS_TEST_STORAGE),
/// plus unique names so tests never share a table, container or queue.
/// </summary>
public static class Azurite
{
    public const string ConnectionStringVariable = "SUPPORTFUNCTIONS_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable)
        ?? throw new InvalidOperationException($"{ConnectionStringVariable} is not set: run the tests through scripts/test, which starts Azurite and sets it.");

    /// <summary>A table name unique to this test: letters and digits only.</summary>
    public static string UniqueTableName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A container or queue name unique to this test: lower case, digits and hyphens.</summary>
    public static string UniqueName(string prefix = "t") => prefix + "-" + Guid.NewGuid().ToString("N")[..20];
}
