using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// Replays one lead's history under the live and the proposed configuration side by side: the same
/// events at the same moments, so that any difference between the two is the configuration's alone.
/// </summary>
public static class LeadReplay
{
    /// <summary>Null when the history holds no capture (the lead was captured before events were recorded): it cannot be scored.</summary>
    public static LeadComparison? Compare(LeadHistory history, EngineConfig live, EngineConfig proposed, DateTimeOffset from, DateTimeOffset to)
    {
        if (!history.Events.Any(e => e.Kind == LeadEventKinds.Capture))
        {
            return null;
        }
        var liveRun = new ScenarioReplay(live.Scoring);
        var proposedRun = new ScenarioReplay(proposed.Scoring);
        var clock = DateTimeOffset.MinValue;
        foreach (var recorded in history.Events)
        {
            // Never backwards: a late-arriving event with an earlier time is applied when it is reached.
            clock = recorded.OccurredAt > clock ? recorded.OccurredAt : clock;
            foreach (var run in new[] { liveRun, proposedRun })
            {
                if (run.Apply(history.LeadId, recorded, clock) && clock >= from && clock < to)
                {
                    run.MarkReady(new ReadyMoment(clock, run.Lead.Priority, run.Lead.Profile,
                        run.ScoreAt(live.Scoring, clock), run.ScoreAt(proposed.Scoring, clock)));
                }
            }
        }
        // The scores that explain the difference: at the moment the live model made it sales-ready, else the proposed one, else at the end.
        var decisive = liveRun.Ready ?? proposedRun.Ready;
        var end = clock < to ? clock : to;
        return new LeadComparison(
            history.LeadId,
            liveRun.Lead.Profile.Email,
            liveRun.Ready,
            proposedRun.Ready,
            Summary.Of(decisive?.LiveScore ?? liveRun.ScoreAt(live.Scoring, end)),
            Summary.Of(decisive?.ProposedScore ?? proposedRun.ScoreAt(proposed.Scoring, end)),
            ActualOutcome.Of(history, liveRun.Furthest));
    }
}

/// <summary>One lead under both configurations, and what actually became of it.</summary>
public sealed record LeadComparison(
    string LeadId,
    string Email,
    ReadyMoment? Live,
    ReadyMoment? Proposed,
    ScoreSummary LiveScore,
    ScoreSummary ProposedScore,
    ActualOutcome Actual)
{
    public bool Dropped => Live is not null && Proposed is null;
    public bool Added => Live is null && Proposed is not null;
    public bool Kept => Live is not null && Proposed is not null;
}

public sealed record ScoreSummary(decimal Total, decimal Fit, decimal Engagement);

internal static class Summary
{
    public static ScoreSummary Of(LeadScore score) => new(score.Total, score.Fit, score.Engagement);
}
