using System.Text.Json;

namespace LeadGrains.Grains.Webhooks;

/// <summary>Outbound delivery settings, bound from <c>LeadGrains:Webhooks</c>.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Delay before the first retry; it doubles with each further attempt, up to <see cref="MaxRetryDelay"/>, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Delivered and dead-lettered deliveries kept in a subscription's log.</summary>
    public int LogSize { get; set; } = 500;
    /// <summary>The JSON the body is written with: the API's own, set by the host.</summary>
    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Exponential backoff with "equal jitter": half the capped exponential delay, plus a random part of the other half.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponential = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(exponential, MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}

/// <summary>Sends one signed delivery over HTTP; implemented by the host, which owns HTTP clients and the outbound URL policy.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(WebhookSendRequest request, CancellationToken cancellationToken);
}

public sealed record WebhookSendRequest(string Url, string Secret, string DeliveryId, string EventType, string Body);

/// <param name="Error">Why the attempt failed; null when the receiver acknowledged it with a 2xx.</param>
public sealed record WebhookSendResult(string? Error)
{
    public static readonly WebhookSendResult Delivered = new((string?)null);
    public bool Succeeded => Error is null;
}
