namespace SupportFunctions.Storage.Tests;

/// <summary>What the SDK clients are built from: connection strings checked with one clear sentence, then parsed by the SDK.</summary>
public class StorageConnectionTests
{
    [Fact]
    public void Development_storage_shorthand_points_at_azurite_default_ports()
    {
        var account = StorageConnection.FromConnectionString("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableServiceUri);
        Assert.True(account.HasAccountKey);
    }

    [Fact]
    public void Account_key_form_derives_endpoints_from_suffix()
    {
        var account = StorageConnection.FromConnectionString("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net");
        Assert.Equal(new Uri("https://contoso.table.core.usgovcloudapi.net"), account.TableServiceUri);
        Assert.Equal(new Uri("https://contoso.blob.core.usgovcloudapi.net"), account.BlobServiceUri);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones()
    {
        var account = StorageConnection.FromConnectionString("AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:5555/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:5555/devstoreaccount1"), account.TableServiceUri);
        Assert.Equal(new Uri("https://devstoreaccount1.queue.core.windows.net"), account.QueueServiceUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountKey=a2V5", "no AccountName")]
    [InlineData("AccountName=x", "no AccountKey")]
    [InlineData("AccountName=x;AccountKey=not base64!", "not valid base64")]
    [InlineData("AccountName=x;AccountKey=a2V5;TableEndpoint=ftp://x", "TableEndpoint")]
    [InlineData("AccountName=x;AccountKey=a2V5;DefaultEndpointsProtocol=gopher", "DefaultEndpointsProtocol")]
    [InlineData("garbage", "name=value")]
    public void Malformed_connection_strings_say_what_is_wrong(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.FromConnectionString(connectionString));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_never_appears_in_messages()
    {
        var account = StorageConnection.FromConnectionString("AccountName=x;AccountKey=c2VjcmV0a2V5");
        Assert.DoesNotContain("c2VjcmV0a2V5", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_name_alone_means_managed_identity_with_the_public_endpoints()
    {
        var account = StorageConnection.FromAccountName("contoso");
        Assert.False(account.HasAccountKey);
        Assert.Null(account.ConnectionString);
        Assert.Equal(new Uri("https://contoso.queue.core.windows.net"), account.QueueServiceUri);
    }
}
