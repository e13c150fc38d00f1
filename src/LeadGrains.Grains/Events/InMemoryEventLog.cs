using System.Runtime.CompilerServices;
using LeadGrains.Domain.Simulation;

namespace LeadGrains.Grains.Events;

/// <summary>
/// The embedded default: the event log held in this process, as durable as the in-memory grain storage
/// beside it (lost on restart), and seen only by this silo. Production mode records events in PostgreSQL.
/// </summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<LeadEvent>> _byLead = new(StringComparer.Ordinal);

    public Task AppendAsync(LeadEvent leadEvent, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_byLead.TryGetValue(leadEvent.LeadId, out var events))
            {
                _byLead[leadEvent.LeadId] = events = [];
            }
            events.Add(leadEvent);
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LeadHistory> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<string> leadIds;
        lock (_gate)
        {
            leadIds = [.. _byLead.Where(pair => pair.Value.Exists(e => e.OccurredAt >= from && e.OccurredAt < to))
                .Select(pair => pair.Key).Order(StringComparer.Ordinal)];
        }
        foreach (var leadId in leadIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<LeadEvent> events;
            lock (_gate)
            {
                events = [.. _byLead[leadId].Where(e => e.OccurredAt < to)];
            }
            yield return LeadHistory.Of(leadId, events);
            await Task.Yield();
        }
    }
}
