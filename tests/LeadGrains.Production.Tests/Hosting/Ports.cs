using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LeadGrains.Production.Tests.Hosting;

public static class Ports
{
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Text(this int port) => port.ToString(CultureInfo.InvariantCulture);
}
