using System.Security.Cryptography;
using System.Text;
using SupportFunctions.App.Inbound;

namespace SupportFunctions.App.Tests.Inbound;

/// <summary>Checked against a second, deliberately plain implementation of Twilio's documented algorithm.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";

    /// <summary>Twilio's algorithm written out by hand: URL, then each name+value in byte order of the names.</summary>
    private static string Expected(string url, params (string Name, string Value)[] parameters)
    {
        var names = parameters.Select(p => p.Name).Distinct().ToArray();
        Array.Sort(names, string.CompareOrdinal);
        var data = url;
        foreach (var name in names)
        {
            var values = parameters.Where(p => p.Name == name).Select(p => p.Value).ToArray();
            Array.Sort(values, string.CompareOrdinal);
            foreach (var value in values)
            {
                data += name + value;
            }
        }

#pragma warning disable CA5350 // Twilio's scheme.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(Token));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data)));
    }

    private static List<KeyValuePair<string, string>> Form(params (string Name, string Value)[] parameters) => parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).ToList();

    private static readonly (string, string)[] Call = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"), ("From", "+12349013030"), ("To", "+18005551212")];

    [Fact]
    public void Names_sort_in_byte_order_so_CallSid_comes_before_Caller()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        var signature = Expected(url, Call);
        Assert.True(TwilioSignature.IsValid(url, Form(Call), Token, signature));
        Assert.Equal(signature, TwilioSignature.Compute(url, Form(Call), Token));
    }

    [Fact]
    public void A_signature_made_with_the_default_port_validates_against_the_url_without_it_and_back()
    {
        Assert.True(TwilioSignature.IsValid("https://mycompany.com/myapp", Form(Call), Token, Expected("https://mycompany.com:443/myapp", Call)));
        Assert.True(TwilioSignature.IsValid("https://user:pass@mycompany.com:443/myapp?x=1", Form(Call), Token, Expected("https://user:pass@mycompany.com/myapp?x=1", Call)));
        Assert.Equal("http://h.example:80/p?q=It's+amazing", TwilioSignature.WithPortToggled("http://h.example/p?q=It's+amazing"));
    }

    [Fact]
    public void Repeated_names_append_each_value_in_order_and_the_query_string_is_kept_verbatim()
    {
        const string url = "https://mycompany.com/myapp?q=It's+amazing";
        (string, string)[] parameters = [("To", "+1"), ("Digits", "9"), ("Digits", "10")];
        Assert.True(TwilioSignature.IsValid(url, Form(parameters), Token, Expected(url, parameters)));
        Assert.False(TwilioSignature.IsValid("https://mycompany.com/myapp?q=It%27s+amazing", Form(parameters), Token, Expected(url, parameters)));
    }

    [Fact]
    public void A_changed_parameter_or_another_token_fails()
    {
        const string url = "https://mycompany.com/myapp";
        var signature = Expected(url, Call);
        Assert.False(TwilioSignature.IsValid(url, Form([.. Call.Take(4), ("To", "+18005551213")]), Token, signature));
        Assert.False(TwilioSignature.IsValid(url, Form(Call), "other", signature));
        Assert.False(TwilioSignature.IsValid(url, Form(Call), Token, null));
    }
}
