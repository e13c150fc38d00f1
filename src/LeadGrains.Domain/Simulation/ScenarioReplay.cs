using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// One lead's recorded inputs replayed under one scoring model, with the real <see cref="Lead"/> rules:
/// each event is applied at the time it occurred, and scoring decides again whether and when the lead
/// becomes sales-ready. What happened after the handoff is taken from the record: a recorded reject or
/// return recycles the lead (it may become sales-ready again), a recorded close or disqualification ends it.
/// </summary>
internal sealed class ScenarioReplay(ScoringModel model)
{
    private readonly Lead _lead = new();
    private readonly List<ActivityRecord> _beforeCapture = [];
    private LeadStage _furthest = LeadStage.Captured;

    public Lead Lead => _lead;
    public ScoringModel Model => model;

    /// <summary>The first time in the window the lead became sales-ready under this model.</summary>
    public ReadyMoment? Ready { get; private set; }

    /// <summary>The furthest funnel stage scoring took the lead to (captured, nurturing, sales-ready, disqualified).</summary>
    public LeadStage Furthest => _furthest;

    /// <summary>Applies one event at <paramref name="at"/>; returns true when it made the lead sales-ready.</summary>
    public bool Apply(string leadId, LeadEvent recorded, DateTimeOffset at)
    {
        var change = recorded switch
        {
            { Profile: { } profile } => Capture(leadId, profile, recorded.CapturedAt, at),
            { Activity: { } activity } => Record(activity, at),
            { SalesAction: { } action } => Act(action, at),
            _ => null,
        };
        if (change is null)
        {
            return false;
        }
        foreach (var stage in change.StageChanges)
        {
            _furthest = Funnel.Furthest(_furthest, stage.To);
        }
        return change.StageChanges.Exists(stage => stage.To == LeadStage.SalesReady);
    }

    public void MarkReady(ReadyMoment moment) => Ready ??= moment;

    public LeadScore ScoreAt(ScoringModel scoring, DateTimeOffset at) => LeadScorer.Score(_lead.Profile, _lead.Activities, scoring, at);

    private LeadChange Capture(string leadId, LeadProfile profile, DateTimeOffset? capturedAt, DateTimeOffset at)
    {
        if (!_lead.Exists)
        {
            // Activities recorded with an earlier time than the capture count from the start.
            foreach (var activity in _beforeCapture.Where(activity => _lead.SeenEventIds.Add(activity.EventId)))
            {
                _lead.Activities.Add(activity);
            }
        }
        return _lead.Capture(leadId, profile, capturedAt, model, at);
    }

    private LeadChange? Record(ActivityRecord activity, DateTimeOffset at)
    {
        if (!_lead.Exists)
        {
            _beforeCapture.Add(activity);
            return null;
        }
        return _lead.RecordActivity(activity, model, at);
    }

    /// <summary>The recorded sales action, as far as it bears on marketing's side: recycle, close, disqualify.</summary>
    private LeadChange? Act(SalesActionRecord action, DateTimeOffset at)
    {
        if (!_lead.Exists || _lead.Stage.IsClosed())
        {
            return null;
        }
        var change = new LeadChange(_lead);
        var withSales = !_lead.Stage.IsMarketing();
        var actor = Actors.Rep(action.RepId);
        switch (action.Action)
        {
            case SalesActionType.Disqualify:
                _lead.MoveTo(LeadStage.Disqualified, "disqualified_by_sales", actor, at, change);
                break;
            case SalesActionType.Reject when withSales:
                _lead.Recycle(RecycleReasons.Rejected, actor, at, change);
                break;
            case SalesActionType.ReturnToMarketing when withSales:
                _lead.Recycle(RecycleReasons.Returned, actor, at, change);
                break;
            case SalesActionType.Won when withSales:
                _lead.MoveTo(LeadStage.Won, "won", actor, at, change);
                break;
            case SalesActionType.Lost when withSales:
                _lead.MoveTo(LeadStage.Lost, "lost", actor, at, change);
                break;
            default:
                return null;
        }
        return change;
    }
}

/// <summary>A lead became sales-ready: when, with what priority and profile (routing reads it), and how both models scored it then.</summary>
public sealed record ReadyMoment(DateTimeOffset At, LeadPriority Priority, LeadProfile Profile, LeadScore LiveScore, LeadScore ProposedScore);

/// <summary>The funnel order, for "the furthest stage a lead reached".</summary>
public static class Funnel
{
    public static int Rank(LeadStage stage) => stage switch
    {
        LeadStage.Captured => 0,
        LeadStage.Nurturing => 1,
        LeadStage.SalesReady => 2,
        LeadStage.Qualifying => 3,
        LeadStage.Assigned => 4,
        LeadStage.Working => 5,
        LeadStage.Opportunity => 6,
        _ => 7,
    };

    /// <summary>The further of two stages; a closing stage ends the funnel, so the later close wins a tie.</summary>
    public static LeadStage Furthest(LeadStage known, LeadStage reached) => Rank(reached) >= Rank(known) ? reached : known;
}
