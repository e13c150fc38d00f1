using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadGrains.Abstractions.Webhooks;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadGrains.Grains.Webhooks;

/// <summary>
/// Drains a lead's outbox after its write: hands each event to the delivery queue of every subscription that listens
/// to its type (each queue stores it before acknowledging), then removes the handed events from the lead. A failure
/// anywhere leaves them in the outbox for the lead's next write or activation: delivery is delayed, never lost; a
/// repeated hand-off is harmless because delivery ids are derived from event and subscription.
/// </summary>
public sealed partial class WebhookOutbox(IGrainFactory grains, IOptions<WebhookDeliveryOptions> options, ILogger<WebhookOutbox> logger)
{
    public async Task DrainAsync(IPersistentState<Lead> state, Func<LeadView> viewOf)
    {
        var lead = state.State;
        if (lead.Outbox.Count == 0)
        {
            return;
        }
        var events = lead.Outbox.ToList();
        try
        {
            var subscriptions = await grains.GetGrain<IWebhookRegistryGrain>(IWebhookRegistryGrain.Key).GetAsync();
            var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
            var view = new Lazy<LeadView>(viewOf, LazyThreadSafetyMode.None);
            var handedAny = false;
            foreach (var (subscriptionId, eventTypes) in subscriptions)
            {
                var deliveries = events
                    .Where(raised => eventTypes.Contains(raised.Type, StringComparer.Ordinal))
                    .Select(raised => new WebhookDeliveryRequest(
                        DeliveryId(raised.Id, subscriptionId), raised.Id, raised.Type, lead.LeadId, raised.OccurredAt, Body(raised, view.Value, bodies)))
                    .ToList();
                if (deliveries.Count > 0)
                {
                    await grains.GetGrain<IWebhookDeliveryGrain>(subscriptionId).EnqueueAsync(deliveries);
                    handedAny = true;
                }
            }
            var handed = events.Select(raised => raised.Id).ToHashSet(StringComparer.Ordinal);
            if (!handedAny)
            {
                // Nobody listens to these: drop them without a write of their own; the lead's next write stores that,
                // and until then a reactivation finds them again and drops them again.
                lead.Outbox.RemoveAll(raised => handed.Contains(raised.Id));
                return;
            }
            await state.UpdateAsync(current => current.Outbox.RemoveAll(raised => handed.Contains(raised.Id)) > 0, removed => removed);
        }
        catch (Exception exception)
        {
            LogDrainFailed(logger, exception, lead.LeadId, events.Count);
        }
    }

    /// <summary>Unique per event and subscription, and the same each time the same event is handed to the same subscription.</summary>
    public static string DeliveryId(string eventId, string subscriptionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}\n{subscriptionId}")).AsSpan(0, 16));

    private string Body(OutboxEvent raised, LeadView view, Dictionary<string, string> bodies)
    {
        if (!bodies.TryGetValue(raised.Id, out var body))
        {
            body = JsonSerializer.Serialize(new WebhookBody(raised.Id, raised.Type, raised.OccurredAt, view), options.Value.Json);
            bodies[raised.Id] = body;
        }
        return body;
    }

    private sealed record WebhookBody(string Id, string Type, DateTimeOffset OccurredAt, LeadView Lead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId}: {Count} outbound events not handed to delivery yet; they stay in the outbox and are retried on the next write or activation")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception, string leadId, int count);
}
