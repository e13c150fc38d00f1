namespace LeadGrains.Abstractions.Webhooks;

/// <summary>
/// The outbound delivery queue and log of one subscription, keyed by the subscription id (DESIGN §7): at least once,
/// in order per lead, retried with exponential backoff and jitter, dead-lettered after a limit.
/// </summary>
public interface IWebhookDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Stores the deliveries durably before returning; a delivery id already known is ignored, so a repeated hand-off is harmless.</summary>
    Task EnqueueAsync(IReadOnlyList<WebhookDeliveryRequest> deliveries);

    /// <summary>The delivery log: pending first (in queue order), then delivered and dead-lettered, newest first.</summary>
    Task<IReadOnlyList<WebhookDeliveryView>> ListAsync();

    /// <summary>Requeues a dead-lettered delivery with a fresh attempt count.</summary>
    Task<RedeliverOutcome> RedeliverAsync(string deliveryId);

    /// <summary>Resumes delivering whatever is pending (after a restart); harmless at any time.</summary>
    Task WakeAsync();
}

/// <param name="Body">The JSON body <c>{id, type, occurredAt, lead}</c>, signed as is.</param>
[GenerateSerializer, Immutable]
public sealed record WebhookDeliveryRequest(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] string LeadId,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string Body);

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    DeadLettered,
}

public enum RedeliverOutcome
{
    Requeued,
    NotFound,
    NotDeadLettered,
}

[GenerateSerializer, Immutable]
public sealed record WebhookDeliveryView(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Type,
    [property: Id(3)] string LeadId,
    [property: Id(4)] WebhookDeliveryStatus Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset OccurredAt,
    [property: Id(7)] DateTimeOffset? NextAttemptAt,
    [property: Id(8)] DateTimeOffset? CompletedAt,
    [property: Id(9)] string? LastError);

/// <summary>Which subscriptions exist and what they listen to, so that a lead knows whom to hand its events to. One per cluster.</summary>
public interface IWebhookRegistryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task SetAsync(string subscriptionId, IReadOnlyList<string> eventTypes);

    Task RemoveAsync(string subscriptionId);

    [ReadOnly]
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync();

    /// <summary>Wakes every subscription's delivery queue, so that pending deliveries resume as the cluster starts.</summary>
    Task WakeAllAsync();
}
