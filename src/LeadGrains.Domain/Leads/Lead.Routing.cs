using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;

namespace LeadGrains.Domain.Leads;

/// <summary>The handoff half of a lead: waiting for a rep, being assigned, being released.</summary>
public sealed partial class Lead
{
    /// <summary>Sales-ready with no owner and not waiting in a queue: the router should act.</summary>
    public bool NeedsRouting => Stage == LeadStage.SalesReady && OwnerRepId is null && !Queued;

    /// <summary>The lead's country and region, which territory reps cover.</summary>
    public IReadOnlyList<string> Territories =>
        [.. new[] { Profile.Country, Profile.Region }.Where(place => !string.IsNullOrWhiteSpace(place)).Select(place => place!)];

    public HandoffRequest HandoffRequest(string rule) => new(LeadId, Priority, Territories, [.. PreviousOwners], rule);

    /// <summary>A rep took the lead: SDRs qualify it first, account executives work it.</summary>
    public LeadChange Assign(string? poolId, string repId, bool bySdr, RoutingExplanation explanation, FirstTouchClock clock, LeadChange change)
    {
        var now = clock.StartedAt;
        change.Outcome = ChangeOutcome.Updated;
        var reassigned = PreviousOwners.Count > 0;
        OwnerRepId = repId;
        PoolId = poolId;
        Queued = false;
        AssignedAt = now;
        FirstTouch = clock;
        if (!PreviousOwners.Contains(repId))
        {
            PreviousOwners.Add(repId);
        }
        change.Record(new TimelineEntry
        {
            At = now, Type = reassigned ? TimelineTypes.Reassigned : TimelineTypes.Routed, Actor = Actors.Router,
            Detail = poolId is null ? $"to {repId}" : $"to {repId} in pool {poolId}", Routing = explanation,
        });
        MoveTo(bySdr ? LeadStage.Qualifying : LeadStage.Assigned, explanation.Outcome, Actors.Router, now, change);
        return change;
    }

    /// <summary>No rep had capacity: the lead waits in the pool's queue and stays sales-ready.</summary>
    public LeadChange Enqueue(string poolId, int position, RoutingExplanation explanation, DateTimeOffset now, LeadChange change)
    {
        change.Outcome = ChangeOutcome.Updated;
        PoolId = poolId;
        Queued = true;
        change.Record(new TimelineEntry { At = now, Type = TimelineTypes.Queued, Actor = Actors.Router, Detail = $"position {position} in pool {poolId}", Routing = explanation });
        return change;
    }

    /// <summary>No routing rule matched and there is no catch-all pool: recorded, so that the gap is visible.</summary>
    public LeadChange Unrouted(RoutingExplanation explanation, DateTimeOffset now, LeadChange change)
    {
        change.Outcome = ChangeOutcome.Updated;
        Queued = true;
        change.Record(new TimelineEntry { At = now, Type = TimelineTypes.Unrouted, Actor = Actors.Router, Detail = "no pool matched", Routing = explanation });
        return change;
    }

    /// <summary>Sends the lead back to marketing with a reason; it keeps its history and can become sales-ready again.</summary>
    public void Recycle(string reason, string actor, DateTimeOffset now, LeadChange change)
    {
        ClearOwner();
        RecycleCount++;
        LastRecycledAt = now;
        Priority = LeadPriority.Normal;
        MoveTo(LeadStage.Nurturing, reason, actor, now, change);
    }

    private void ClearOwner()
    {
        OwnerRepId = null;
        Queued = false;
        FirstTouch = null;
    }
}
