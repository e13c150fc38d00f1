using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Sla;

namespace LeadGrains.Domain.Leads;

/// <summary>The service-level half of a lead: warnings, breaches, escalation and stall recycling (DESIGN §4).</summary>
public sealed partial class Lead
{
    /// <summary>
    /// Acts on whatever is due now. Returns the rep whose hold the lead left, if any; a lead that
    /// needs a new rep afterwards says so through <see cref="NeedsRouting"/>.
    /// </summary>
    public SlaOutcome ApplyDueDeadlines(SlaConfig sla, string? managerEmail, DateTimeOffset now)
    {
        var change = new LeadChange(this);
        var decision = SlaPolicy.Decide(this, sla, now);
        var owner = OwnerRepId;
        switch (decision.Action)
        {
            case SlaAction.Warn:
                FirstTouch = FirstTouch! with { Warned = true };
                change.Record(new TimelineEntry { At = now, Type = TimelineTypes.SlaWarning, Actor = Actors.Sla, Detail = $"first touch by {owner} due at {FirstTouch.DueAt:O}" });
                break;
            case SlaAction.Breach or SlaAction.Exhausted:
                Breaches++;
                change.Record(new TimelineEntry { At = now, Type = TimelineTypes.SlaBreached, Actor = Actors.Sla, Reason = "first_touch", Detail = $"{owner} did not make contact by {FirstTouch!.DueAt:O} (breach {Breaches} of {sla.MaxBreaches})" });
                Escalate(managerEmail, now, change);
                if (decision.Action == SlaAction.Exhausted && decision.OnExhausted == ExhaustedAction.Recycle)
                {
                    Recycle(RecycleReasons.SlaExhausted, Actors.Sla, now, change);
                    break;
                }
                // Reassign (or, once exhausted, back to the pool's queue): the router takes it from sales-ready.
                OwnerRepId = null;
                FirstTouch = null;
                Queued = false;
                MoveTo(LeadStage.SalesReady, decision.Action == SlaAction.Exhausted ? RecycleReasons.SlaExhausted : "sla_breached", Actors.Sla, now, change);
                break;
            case SlaAction.Stall:
                Recycle(RecycleReasons.Stalled, Actors.Sla, now, change);
                break;
            default:
                return new SlaOutcome(decision, change, null);
        }
        change.Outcome = ChangeOutcome.Updated;
        return new SlaOutcome(decision, change, owner is not null && OwnerRepId != owner ? owner : null);
    }

    private static void Escalate(string? managerEmail, DateTimeOffset now, LeadChange change) =>
        change.Record(new TimelineEntry { At = now, Type = TimelineTypes.Escalated, Actor = Actors.Sla, Detail = managerEmail is null ? "pool has no manager" : $"to {managerEmail}" });
}

/// <param name="ReleasedRepId">The rep that no longer holds the lead, whose capacity is freed.</param>
public sealed record SlaOutcome(SlaDecision Decision, LeadChange Change, string? ReleasedRepId);
