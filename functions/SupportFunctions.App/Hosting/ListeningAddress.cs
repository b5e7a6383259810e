namespace SupportFunctions.App.Hosting;

/// <summary>
/// Where Kestrel listens: under the Azure Functions host the port it hands us in FUNCTIONS_CUSTOMHANDLER_PORT
/// (loopback only, the host forwards to it); otherwise whatever ASPNETCORE_URLS / --urls say.
/// </summary>
internal static class ListeningAddress
{
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool UnderFunctionsHost(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[CustomHandlerPortVariable]);

    public static void Apply(WebApplicationBuilder builder)
    {
        var port = builder.Configuration[CustomHandlerPortVariable];
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"Setting '{CustomHandlerPortVariable}' is '{port}'; the Functions host sets it to a TCP port number.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{number}");
        }
    }
}
