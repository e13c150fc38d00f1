using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Sla;

/// <summary>
/// What is due for a lead at a moment, given its state (DESIGN §4). Deadlines are evaluated
/// against the lead's current state, never remembered as "pending work": a timer that fires late
/// or twice, or a reminder racing a <c>contacted</c>, finds the state already moved on and does
/// nothing, so every deadline is acted on once.
/// </summary>
public static class SlaPolicy
{
    public static SlaDecision Decide(Lead lead, SlaConfig sla, DateTimeOffset now)
    {
        if (lead.FirstTouch is { } clock && lead.OwnerRepId is not null)
        {
            if (now >= clock.DueAt)
            {
                return lead.Breaches + 1 >= sla.MaxBreaches
                    ? new SlaDecision(SlaAction.Exhausted, sla.OnExhausted)
                    : new SlaDecision(SlaAction.Breach, null);
            }
            if (!clock.Warned && now >= clock.WarnAt)
            {
                return new SlaDecision(SlaAction.Warn, null);
            }
        }
        return StallDueAt(lead, sla) is { } stallAt && now >= stallAt ? new SlaDecision(SlaAction.Stall, null) : SlaDecision.None;
    }

    /// <summary>The next moment something becomes due, if anything can.</summary>
    public static DateTimeOffset? NextDeadline(Lead lead, SlaConfig sla)
    {
        DateTimeOffset? next = null;
        if (lead.FirstTouch is { } clock && lead.OwnerRepId is not null)
        {
            next = clock.Warned ? clock.DueAt : clock.WarnAt;
        }
        if (StallDueAt(lead, sla) is { } stallAt && (next is null || stallAt < next))
        {
            next = stallAt;
        }
        return next;
    }

    /// <summary>No sales activity for the stage's limit since the lead entered the stage or was last touched.</summary>
    public static DateTimeOffset? StallDueAt(Lead lead, SlaConfig sla)
    {
        if (!sla.Stall.TryGetValue(lead.Stage.WireName(), out var limit))
        {
            return null;
        }
        var since = lead.LastSalesActivityAt is { } touched && touched > lead.StageEnteredAt ? touched : lead.StageEnteredAt;
        return since + limit;
    }
}

public enum SlaAction
{
    None,
    Warn,
    Breach,
    Exhausted,
    Stall,
}

/// <param name="OnExhausted">For <see cref="SlaAction.Exhausted"/>: back to the pool queue, or recycled to marketing.</param>
public sealed record SlaDecision(SlaAction Action, ExhaustedAction? OnExhausted)
{
    public static readonly SlaDecision None = new(SlaAction.None, null);
}
