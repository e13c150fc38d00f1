namespace LeadGrains.Domain.Leads;

/// <summary>The sales half of a lead: actions by the owning rep.</summary>
public sealed partial class Lead
{
    /// <summary>
    /// Applies a sales action once per event id. Only the owning rep may act on an owned lead; an
    /// unowned lead may only be disqualified. A refused action changes nothing.
    /// </summary>
    public SalesActionOutcome ApplySalesAction(SalesActionRecord action, DateTimeOffset now)
    {
        var change = new LeadChange(this);
        if (SeenEventIds.Contains(action.EventId))
        {
            change.Outcome = ChangeOutcome.Duplicate;
            return new SalesActionOutcome(SalesActionResult.Duplicate, change, null, null);
        }
        if (OwnerRepId is { } owner ? owner != action.RepId : action.Action != SalesActionType.Disqualify)
        {
            var holder = OwnerRepId is null ? "no rep" : $"rep {OwnerRepId}";
            return new SalesActionOutcome(SalesActionResult.NotOwner, change, null, $"The lead is held by {holder}, not by rep {action.RepId}.");
        }
        if (SalesActionPolicy.Decide(Stage, action.Action) is not { } transition)
        {
            return new SalesActionOutcome(SalesActionResult.NotAllowed, change, null, $"'{action.Action}' does not apply to a lead in stage {Stage.WireName()}.");
        }
        SeenEventIds.Add(action.EventId);
        change.Outcome = ChangeOutcome.Updated;
        var actor = Actors.Rep(action.RepId);
        change.Record(new TimelineEntry
        {
            At = now, Type = TimelineTypes.SalesAction, Actor = actor, Reason = action.Reason, EventId = action.EventId,
            Detail = action.Action.ToString(), Amount = action.Amount,
        });
        LastSalesActivityAt = now;
        if (action.Action is SalesActionType.Contacted or SalesActionType.Opportunity or SalesActionType.Won or SalesActionType.Lost)
        {
            FirstTouchAt ??= now;
            FirstTouch = null;
        }
        var released = transition.Release ? OwnerRepId : null;
        switch (transition.To)
        {
            case LeadStage.Nurturing:
                Recycle(transition.Reason, actor, now, change);
                break;
            case LeadStage.SalesReady:
                // Qualified by an SDR: back to sales-ready for the account-executive pools.
                Qualified = true;
                OwnerRepId = null;
                FirstTouch = null;
                MoveTo(LeadStage.SalesReady, transition.Reason, actor, now, change);
                break;
            default:
                if (transition.To.IsClosed())
                {
                    WonAmount = action.Action == SalesActionType.Won ? action.Amount : null;
                    CloseReason = action.Reason;
                    OwnerRepId = transition.Release ? null : OwnerRepId;
                    Queued = false;
                    FirstTouch = null;
                }
                MoveTo(transition.To, transition.Reason, actor, now, change);
                break;
        }
        return new SalesActionOutcome(SalesActionResult.Applied, change, released, null);
    }
}

public enum SalesActionResult
{
    Applied,
    Duplicate,
    NotOwner,
    NotAllowed,
}

/// <param name="ReleasedRepId">The rep whose capacity the action freed, if any.</param>
/// <param name="Refusal">Why the action was refused, in words for the caller.</param>
public sealed record SalesActionOutcome(SalesActionResult Result, LeadChange Change, string? ReleasedRepId, string? Refusal);
