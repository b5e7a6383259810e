namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>The Azurite instance scripts/test started (SUPPORTFUNCTIONS_TEST_STORAGE) and unique names per test.</summary>
public static class Azurite
{
    public const string ConnectionStringVariable = "SUPPORTFUNCTIONS_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable)
        ?? throw new InvalidOperationException($"{ConnectionStringVariable} is not set: run the tests through scripts/test, which starts Azurite and sets it.");

    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..16];
}
