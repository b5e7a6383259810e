namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>The Azurite instance scripts/test started (SUPPORTFUNCTIONS_TEST_STORAGE) and unique names per test.</summary>
public static class Azurite
{
    public const string ConnectionStringVariable = "SUPPORTFUNCTIONS_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable)
        ?? throw new InvalidOperationException($"{ConnectionStringVariable} is not set: run the tests through scripts/test, which starts Azurite and sets it.");

    /// <summary>The Azurite well-known development key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Where this run's Azurite serves each service, as the storage SDK reads the connection string.</summary>
    public static SupportFunctions.Storage.StorageConnection Endpoints => SupportFunctions.Storage.StorageConnection.FromConnectionString(ConnectionString);

    /// <summary>A connection string to this run's Azurite with one service moved to a closed port, or the key replaced.</summary>
    public static string With(Uri? blob = null, Uri? queue = null, Uri? table = null, string key = DevelopmentAccountKey)
    {
        var healthy = Endpoints;
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint={blob ?? healthy.BlobServiceUri};QueueEndpoint={queue ?? healthy.QueueServiceUri};TableEndpoint={table ?? healthy.TableServiceUri}";
    }

    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..16];
}
