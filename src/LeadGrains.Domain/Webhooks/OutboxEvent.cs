using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Webhooks;

/// <summary>
/// An outbound event a lead raised and has not yet handed to its subscriptions' delivery queues. Stored in the lead's
/// own state, in the same write as the change that raised it, so that a crash before the hand-off only delays it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutboxEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt)
{
    /// <summary>The events the entries a change recorded raise, in order, each with a new id.</summary>
    public static IEnumerable<OutboxEvent> Raise(IEnumerable<TimelineEntry> entries) =>
        entries.SelectMany(entry => WebhookEvents.For(entry).Select(type => new OutboxEvent(Guid.NewGuid().ToString("N"), type, entry.At)));
}
