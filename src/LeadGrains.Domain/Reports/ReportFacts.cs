using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>
/// Turns one stored change of a lead into report counts. Reads only the lead and its timeline, so
/// a report never needs the lead again: the aggregates are kept as things happen (DESIGN §5).
/// Call it once per change, before the lead is stored: it moves <see cref="Lead.CountedAs"/>.
/// </summary>
public static class ReportFacts
{
    private static readonly SalesActionType[] TakesUp = [SalesActionType.Accept, SalesActionType.Contacted, SalesActionType.Opportunity, SalesActionType.Won, SalesActionType.Lost];
    private static readonly SalesActionType[] Touches = [SalesActionType.Contacted, SalesActionType.Opportunity, SalesActionType.Won, SalesActionType.Lost];

    public static void Record(Lead lead, LeadChange change, ReportDelta delta)
    {
        if (!change.Changed)
        {
            return;
        }
        var timeline = lead.Timeline;
        var start = timeline.Count - change.Entries.Count;
        var cohortDay = DateOnly.FromDateTime(lead.CapturedAt.UtcDateTime);
        // Most engagement changes record no entry: they skip the look back over the timeline.
        var reachedRank = change.Entries.Count == 0 ? -1 : HighestRank(timeline, start);
        var rep = change.OwnerBefore;
        for (var i = start; i < timeline.Count; i++)
        {
            var entry = timeline[i];
            rep = entry.RepId ?? rep;
            var dims = ReportDims.Of(lead.Profile, entry.PoolId, rep);
            switch (entry.Type)
            {
                case TimelineTypes.Captured:
                    var cohort = delta.At(cohortDay, dims);
                    ReportCounters.Add(cohort.Reached, LeadStage.Captured);
                    reachedRank = Math.Max(reachedRank, 0);
                    foreach (var feature in ProfileFeatures.Of(lead.Profile))
                    {
                        ReportCounters.Add(cohort.Features, feature);
                    }
                    break;
                case TimelineTypes.StageChanged:
                    reachedRank = StageChanged(lead, timeline, i, reachedRank, delta.At(cohortDay, dims), delta.At(entry.At, dims));
                    break;
                case TimelineTypes.Routed or TimelineTypes.Reassigned:
                    var handoff = delta.At(entry.At, dims);
                    handoff.HandedOff++;
                    handoff.Reassigned += entry.Type == TimelineTypes.Reassigned ? 1 : 0;
                    break;
                case TimelineTypes.SalesAction when Enum.TryParse<SalesActionType>(entry.Detail, out var action):
                    SalesAction(timeline, i, action, change.FirstTouchDueBefore, delta.At(entry.At, dims));
                    break;
                case TimelineTypes.SlaWarning:
                    delta.At(entry.At, dims).Warnings++;
                    break;
                case TimelineTypes.SlaBreached:
                    delta.At(entry.At, dims).Breaches++;
                    break;
            }
        }
        var slot = new ReportSlot(lead.Stage, ReportDims.Of(lead.Profile, lead.Stage.IsMarketing() ? null : lead.PoolId, lead.OwnerRepId));
        delta.Move(lead.CountedAs, slot);
        lead.CountedAs = slot;
    }

    private static int StageChanged(Lead lead, List<TimelineEntry> timeline, int index, int reachedRank, ReportCounters cohort, ReportCounters events)
    {
        var entry = timeline[index];
        var to = entry.To!.Value;
        if (entry.From is { } from && EnteredAt(timeline, index) is { } entered)
        {
            events.TimeIn(from).Record(entry.At - entered);
        }
        var rank = FunnelPath.Rank(to);
        for (var passed = reachedRank + 1; passed <= rank; passed++)
        {
            ReportCounters.Add(cohort.Reached, FunnelPath.Stages[passed]);
        }
        if (rank < 0 && !ReachedBefore(timeline, index, to))
        {
            ReportCounters.Add(cohort.Reached, to);
        }
        if (to == LeadStage.Won)
        {
            cohort.WonRevenue += lead.WonAmount ?? 0;
            foreach (var feature in ProfileFeatures.Of(lead.Profile))
            {
                ReportCounters.Add(cohort.WonFeatures, feature);
            }
        }
        if (to == LeadStage.Nurturing && entry.From is { } left && !left.IsMarketing())
        {
            ReportCounters.Add(cohort.Recycled, entry.Reason ?? "unspecified");
            if (entry.Reason == RecycleReasons.Stalled)
            {
                ReportCounters.Add(cohort.Stalls, left);
            }
        }
        return Math.Max(reachedRank, rank);
    }

    private static void SalesAction(List<TimelineEntry> timeline, int index, SalesActionType action, DateTimeOffset? dueBefore, ReportCounters events)
    {
        var entry = timeline[index];
        var reason = entry.Reason ?? "unspecified";
        if (TakesUp.Contains(action) && !TakenUpSinceHandoff(timeline, index))
        {
            events.Accepted++;
        }
        switch (action)
        {
            case SalesActionType.Reject:
                ReportCounters.Add(events.Rejected, reason);
                break;
            case SalesActionType.ReturnToMarketing:
                ReportCounters.Add(events.Returned, reason);
                break;
            case SalesActionType.Contacted:
                events.Contacted++;
                break;
            case SalesActionType.Won:
                events.Won++;
                events.Revenue += entry.Amount ?? 0;
                break;
            case SalesActionType.Lost:
                ReportCounters.Add(events.Lost, reason);
                break;
        }
        // The contact that stops a running first-touch clock: in time or late.
        if (Touches.Contains(action) && dueBefore is { } due)
        {
            if (entry.At <= due)
            {
                events.SlaMet++;
            }
            else
            {
                events.SlaLate++;
            }
            if (LastHandoffAt(timeline, index) is { } handedOff)
            {
                events.TimeToFirstTouch.Record(entry.At - handedOff);
            }
        }
    }

    /// <summary>The furthest the lead had come on the main path before the entry at <paramref name="end"/>.</summary>
    private static int HighestRank(List<TimelineEntry> timeline, int end)
    {
        var rank = -1;
        for (var i = 0; i < end; i++)
        {
            var entry = timeline[i];
            if (entry.Type == TimelineTypes.Captured)
            {
                rank = Math.Max(rank, 0);
            }
            else if (entry.Type == TimelineTypes.StageChanged && entry.To is { } to)
            {
                rank = Math.Max(rank, FunnelPath.Rank(to));
            }
        }
        return rank;
    }

    private static bool ReachedBefore(List<TimelineEntry> timeline, int end, LeadStage stage)
    {
        for (var i = 0; i < end; i++)
        {
            if (timeline[i].Type == TimelineTypes.StageChanged && timeline[i].To == stage)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>When the lead entered the stage it leaves at <paramref name="index"/>.</summary>
    private static DateTimeOffset? EnteredAt(List<TimelineEntry> timeline, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (timeline[i].Type is TimelineTypes.StageChanged or TimelineTypes.Captured)
            {
                return timeline[i].At;
            }
        }
        return null;
    }

    private static DateTimeOffset? LastHandoffAt(List<TimelineEntry> timeline, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (timeline[i].Type is TimelineTypes.Routed or TimelineTypes.Reassigned)
            {
                return timeline[i].At;
            }
        }
        return null;
    }

    /// <summary>Whether the rep took up the lead's latest handoff before the entry at <paramref name="index"/>.</summary>
    private static bool TakenUpSinceHandoff(List<TimelineEntry> timeline, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var entry = timeline[i];
            if (entry.Type is TimelineTypes.Routed or TimelineTypes.Reassigned)
            {
                return false;
            }
            if (entry.Type == TimelineTypes.SalesAction && Enum.TryParse<SalesActionType>(entry.Detail, out var action) && TakesUp.Contains(action))
            {
                return true;
            }
        }
        return false;
    }
}
