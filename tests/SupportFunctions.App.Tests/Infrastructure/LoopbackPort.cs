using System.Net;
using System.Net.Sockets;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>A loopback TCP port the OS says is free right now (for a private Azurite, a child service, a test sidecar).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
