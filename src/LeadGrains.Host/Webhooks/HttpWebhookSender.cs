using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Grains.Webhooks;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Json;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Webhooks;

/// <summary>
/// One attempt of one delivery: signed POST, 2xx acknowledges. No retries here: the delivery grain owns retries
/// (durable attempt counts and backoff), so a retrying handler would only multiply attempts. The outbound URL policy
/// is checked again on every attempt, and, unless private networks are allowed, on the addresses a host name resolves
/// to as the connection is made, so a subscription cannot reach the inside network by DNS.
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, IOptions<LeadGrainsOptions> options, IHostEnvironment environment) : IWebhookSender
{
    public const string ClientName = "webhooks";
    public const string EventHeader = "X-LeadGrains-Event";
    public const string DeliveryHeader = "X-LeadGrains-Delivery";

    public async Task<WebhookSendResult> SendAsync(WebhookSendRequest request, CancellationToken cancellationToken)
    {
        if (OutboundUrlPolicy.Refusal(request.Url, AllowPrivateNetworks(options.Value, environment)) is { } refusal)
        {
            return new WebhookSendResult($"url {refusal}");
        }
        var body = Encoding.UTF8.GetBytes(request.Body);
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, request.Secret, DateTimeOffset.UtcNow));
        message.Headers.Add(EventHeader, request.EventType);
        message.Headers.Add(DeliveryHeader, request.DeliveryId);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? WebhookSendResult.Delivered
                : new WebhookSendResult($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException exception)
        {
            return new WebhookSendResult(exception.InnerException?.Message ?? exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult("timed out.");
        }
    }

    public static bool AllowPrivateNetworks(LeadGrainsOptions options, IHostEnvironment environment) =>
        options.Webhooks.AllowPrivateNetworks ?? environment.IsDevelopment();

    public static IHostApplicationBuilder AddLeadGrainsWebhookDelivery(IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection($"{LeadGrainsOptions.Section}:Webhooks");
        builder.Services.AddOptions<WebhookDeliveryOptions>().Bind(section).Configure(delivery => JsonSetup.Apply(delivery.Json));
        builder.Services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        builder.Services.AddHttpClient(ClientName, (services, client) =>
            client.Timeout = services.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value.AttemptTimeout)
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                var allowPrivate = AllowPrivateNetworks(services.GetRequiredService<IOptions<LeadGrainsOptions>>().Value, services.GetRequiredService<IHostEnvironment>());
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectCallback = allowPrivate ? null : ConnectPublicOnlyAsync,
                };
            });
        return builder;
    }

    private static async ValueTask<Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(address => !OutboundUrlPolicy.IsPrivate(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to private, loopback or link-local addresses.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
