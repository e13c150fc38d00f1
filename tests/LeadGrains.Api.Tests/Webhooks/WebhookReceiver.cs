using System.Collections.Concurrent;
using System.Text.Json;
using LeadGrains.Domain.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Api.Tests.Webhooks;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel, a free port): answers 500 while <see cref="FailNext"/> is above zero or
/// <see cref="AlwaysFail"/> is set, 204 otherwise, and records every delivery it acknowledged with its signature checked.
/// It stops itself after <see cref="Lifetime"/> should a test forget to.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly string _secret;
    private readonly CancellationTokenSource _lifetime = new(Lifetime);
    private int _failNext;
    private int _attempts;
    private bool _alwaysFail;

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = secret;
    }

    public string Url { get; private set; } = "";
    public ConcurrentQueue<Received> Acknowledged { get; } = new();
    public int Attempts => Volatile.Read(ref _attempts);
    public int FailNext { get => Volatile.Read(ref _failNext); set => Volatile.Write(ref _failNext, value); }
    public bool AlwaysFail { get => Volatile.Read(ref _alwaysFail); set => Volatile.Write(ref _alwaysFail, value); }

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = $"{app.Urls.Single()}/hook";
        receiver._lifetime.Token.Register(() => _ = app.StopAsync());
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds, for at most <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, Func<string>? describe = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        Assert.True(done(), $"timed out waiting for deliveries {describe?.Invoke()}");
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await _app.DisposeAsync();
        _lifetime.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _attempts);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (AlwaysFail || Interlocked.Decrement(ref _failNext) >= 0)
        {
            return Results.StatusCode(500);
        }
        var body = buffer.ToArray();
        var check = WebhookSignature.Verify(request.Headers[WebhookSignature.Header], body, _secret, DateTimeOffset.UtcNow);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Acknowledged.Enqueue(new Received(
            request.Headers["X-LeadGrains-Delivery"].ToString(), request.Headers["X-LeadGrains-Event"].ToString(), check,
            root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!, root.GetProperty("lead").GetProperty("leadId").GetString()!));
        return Results.NoContent();
    }

    public sealed record Received(string DeliveryId, string EventHeader, SignatureCheck Signature, string EventId, string Type, string LeadId);
}
