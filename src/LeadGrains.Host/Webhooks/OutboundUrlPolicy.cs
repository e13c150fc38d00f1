using System.Net;
using System.Net.Sockets;

namespace LeadGrains.Host.Webhooks;

/// <summary>
/// Where outbound webhooks may go: http(s) only, and not to private, loopback or link-local addresses unless
/// <c>LeadGrains:Webhooks:AllowPrivateNetworks</c> says so, so that a subscription cannot probe the inside network.
/// Only literal addresses and <c>localhost</c> are judged here; a host name is judged when it is resolved to deliver.
/// </summary>
public static class OutboundUrlPolicy
{
    public static string? Refusal(string? url, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials.";
        }
        if (allowPrivateNetworks)
        {
            return null;
        }
        var isPrivate = uri.IsLoopback
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IsPrivate(address));
        return isPrivate ? "must not be a private, loopback or link-local address." : null;
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }
        var bytes = address.GetAddressBytes();
        return bytes[0] switch
        {
            0 or 10 or 127 => true,
            100 => bytes[1] is >= 64 and < 128,
            169 => bytes[1] == 254,
            172 => bytes[1] is >= 16 and < 32,
            192 => bytes[1] == 168,
            _ => false,
        };
    }
}
