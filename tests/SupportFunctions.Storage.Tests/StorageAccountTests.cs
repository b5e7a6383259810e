namespace SupportFunctions.Storage.Tests;

public class StorageAccountTests
{
    [Fact]
    public void Development_storage_shorthand_points_at_azurite_default_ports()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.NotNull(account.SharedKey);
    }

    [Fact]
    public void Account_key_form_derives_endpoints_from_suffix()
    {
        var account = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net");
        Assert.Equal(new Uri("https://contoso.table.core.usgovcloudapi.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://contoso.blob.core.usgovcloudapi.net"), account.BlobEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones()
    {
        var account = StorageAccount.Parse("AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:5555/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:5555/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("https://devstoreaccount1.queue.core.windows.net"), account.QueueEndpoint);
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
        var error = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_never_appears_in_messages()
    {
        var account = StorageAccount.Parse("AccountName=x;AccountKey=c2VjcmV0a2V5");
        Assert.DoesNotContain("c2VjcmV0a2V5", account.SharedKey!.ToString(), StringComparison.Ordinal);
    }
}
