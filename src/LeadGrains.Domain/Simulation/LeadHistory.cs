namespace LeadGrains.Domain.Simulation;

/// <summary>
/// Everything recorded about one lead, in the order it happened. An event may be recorded twice (a
/// write that lost an ETag race applies its command again), so activities and sales actions are kept
/// once per event id here; a repeated capture merges into the profile idempotently and is kept.
/// </summary>
public sealed record LeadHistory(string LeadId, IReadOnlyList<LeadEvent> Events)
{
    /// <summary>Orders by occurrence (stable, so recording order breaks ties) and drops repeated event ids.</summary>
    public static LeadHistory Of(string leadId, IEnumerable<LeadEvent> recorded)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var events = recorded
            .OrderBy(e => e.OccurredAt)
            .Where(e => e.EventId is not { } eventId || seen.Add(eventId))
            .ToList();
        return new LeadHistory(leadId, events);
    }
}
