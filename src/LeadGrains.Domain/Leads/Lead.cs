using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Leads;

/// <summary>
/// A lead's state and the rules that change it. The lead grain persists one of these and calls
/// its methods; every method is deterministic given the inputs and <c>now</c>, so the lifecycle
/// is unit-tested without Orleans.
/// </summary>
[GenerateSerializer]
public sealed partial class Lead
{
    [Id(0)] public string LeadId { get; set; } = "";
    [Id(1)] public LeadProfile Profile { get; set; } = new();
    [Id(2)] public DateTimeOffset CapturedAt { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public LeadStage Stage { get; set; }
    [Id(5)] public LeadPriority Priority { get; set; }
    [Id(6)] public List<ActivityRecord> Activities { get; set; } = [];
    [Id(7)] public HashSet<string> SeenEventIds { get; set; } = new(StringComparer.Ordinal);
    [Id(8)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(9)] public string? OwnerRepId { get; set; }
    [Id(10)] public string? PoolId { get; set; }
    /// <summary>The running first-touch clock, while the owner has not yet made contact.</summary>
    [Id(11)] public Sla.FirstTouchClock? FirstTouch { get; set; }
    [Id(12)] public int Breaches { get; set; }
    [Id(13)] public int RecycleCount { get; set; }
    [Id(14)] public DateTimeOffset? LastRecycledAt { get; set; }
    /// <summary>Every rep that has held the lead, so that reassignment moves on to someone new.</summary>
    [Id(15)] public List<string> PreviousOwners { get; set; } = [];
    /// <summary>Waiting in <see cref="PoolId"/>'s queue for a rep with capacity.</summary>
    [Id(16)] public bool Queued { get; set; }
    [Id(17)] public decimal? WonAmount { get; set; }
    [Id(18)] public string? CloseReason { get; set; }
    [Id(19)] public DateTimeOffset? AssignedAt { get; set; }
    [Id(20)] public DateTimeOffset? FirstTouchAt { get; set; }
    /// <summary>An SDR qualified the lead: it routes on to the account-executive pools.</summary>
    [Id(21)] public bool Qualified { get; set; }
    [Id(22)] public DateTimeOffset? LastSalesActivityAt { get; set; }
    [Id(23)] public DateTimeOffset StageEnteredAt { get; set; }
    /// <summary>The next deadline as last recorded in the durable deadline store, so that it is written only when it moves.</summary>
    [Id(24)] public DateTimeOffset? RecordedDeadline { get; set; }
    /// <summary>Outbound events stored with the change that raised them and not yet handed to delivery (DESIGN §7).</summary>
    [Id(25)] public List<Webhooks.OutboxEvent> Outbox { get; set; } = [];
    /// <summary>Where the lead is counted among current leads for reports, so that a move takes it out of the old slot.</summary>
    [Id(26)] public Reports.ReportSlot? CountedAs { get; set; }

    public bool Exists => LeadId.Length > 0;

    public DateTimeOffset? SlaDueAt => FirstTouch?.DueAt;

    /// <summary>First capture creates the lead; a later one merges what it says into the profile.</summary>
    public LeadChange Capture(string leadId, LeadProfile profile, DateTimeOffset? capturedAt, ScoringModel model, DateTimeOffset now)
    {
        var change = new LeadChange(this);
        if (!Exists)
        {
            LeadId = leadId;
            Profile = profile;
            CapturedAt = capturedAt ?? now;
            Stage = LeadStage.Captured;
            change.Record(new TimelineEntry { At = now, Type = TimelineTypes.Captured, To = LeadStage.Captured, Actor = Actors.Marketing, Detail = profile.Source });
            change.Outcome = ChangeOutcome.Created;
        }
        else
        {
            var merged = Profile.MergeWith(profile);
            if (merged.SameAs(Profile))
            {
                return change;
            }
            Profile = merged;
            change.Record(new TimelineEntry { At = now, Type = TimelineTypes.Updated, Actor = Actors.Marketing });
            change.Outcome = ChangeOutcome.Updated;
        }
        Evaluate(model, now, change);
        return change;
    }

    /// <summary>Records an engagement activity once per event id and lets scoring move the lead.</summary>
    public LeadChange RecordActivity(ActivityRecord activity, ScoringModel model, DateTimeOffset now)
    {
        var change = new LeadChange(this);
        if (!SeenEventIds.Add(activity.EventId))
        {
            change.Outcome = ChangeOutcome.Duplicate;
            return change;
        }
        Activities.Add(activity);
        change.Activities.Add(activity);
        change.Outcome = ChangeOutcome.Updated;
        Evaluate(model, now, change);
        return change;
    }

    public LeadScore ScoreAt(ScoringModel model, DateTimeOffset now) => LeadScorer.Score(Profile, Activities, model, now);

    private void Evaluate(ScoringModel model, DateTimeOffset now, LeadChange change)
    {
        var score = ScoreAt(model, now);
        if (SalesReadyPolicy.Decide(Stage, score, LastRecycledAt) is not { } decision)
        {
            return;
        }
        // Captured leads pass through nurturing on their way, so that every stage they passed is measurable.
        if (Stage == LeadStage.Captured && decision.To != LeadStage.Nurturing)
        {
            MoveTo(LeadStage.Nurturing, SalesReadyPolicy.BelowGrade, Actors.Scoring, now, change, score);
        }
        if (decision.To == LeadStage.SalesReady)
        {
            Priority = SalesReadyPolicy.IsFastTracked(score, LastRecycledAt) ? LeadPriority.High : LeadPriority.Normal;
        }
        MoveTo(decision.To, decision.Reason, Actors.Scoring, now, change, score);
    }

    public void MoveTo(LeadStage to, string reason, string actor, DateTimeOffset now, LeadChange change, LeadScore? score = null)
    {
        if (Stage == to)
        {
            return;
        }
        var detail = score is null ? null : $"score {score.Total} (fit {score.Fit}, engagement {score.Engagement})";
        change.Record(new TimelineEntry { At = now, Type = TimelineTypes.StageChanged, From = Stage, To = to, Reason = reason, Actor = actor, Detail = detail });
        change.StageChanges.Add(new StageChange(Stage, to, reason));
        Stage = to;
        StageEnteredAt = now;
    }
}

public enum ChangeOutcome
{
    Unchanged,
    Created,
    Updated,
    Duplicate,
}

/// <summary>A stage the lead left and the one it entered, with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record StageChange([property: Id(0)] LeadStage From, [property: Id(1)] LeadStage To, [property: Id(2)] string Reason);

/// <summary>What one command did to a lead: whether it changed (so the grain knows to persist) and which stages it moved through.</summary>
public sealed class LeadChange(Lead lead)
{
    public ChangeOutcome Outcome { get; set; }
    public List<StageChange> StageChanges { get; } = [];
    /// <summary>The timeline entries this change recorded, in order: what telemetry and outbound events are derived from.</summary>
    public List<TimelineEntry> Entries { get; } = [];
    /// <summary>The activities this command added, for telemetry.</summary>
    public List<ActivityRecord> Activities { get; } = [];
    /// <summary>When the lead was first touched before this command, so the first touch is measured once.</summary>
    public DateTimeOffset? FirstTouchBefore { get; } = lead.FirstTouchAt;
    /// <summary>When the running first-touch clock was due before this command, so a contact is judged in time or late.</summary>
    public DateTimeOffset? FirstTouchDueBefore { get; } = lead.FirstTouch?.DueAt;
    /// <summary>The rep holding the lead before this command, to whom what it ends is attributed.</summary>
    public string? OwnerBefore { get; } = lead.OwnerRepId;
    public bool Changed => Outcome is ChangeOutcome.Created or ChangeOutcome.Updated;

    /// <summary>Takes on what another change of the same lead recorded, so several steps are stored as one.</summary>
    public void Absorb(LeadChange other)
    {
        if (other.Changed)
        {
            Outcome = ChangeOutcome.Updated;
        }
        StageChanges.AddRange(other.StageChanges);
        Entries.AddRange(other.Entries);
        Activities.AddRange(other.Activities);
    }

    public void Record(TimelineEntry entry)
    {
        entry = entry with { RepId = entry.RepId ?? lead.OwnerRepId, PoolId = entry.PoolId ?? lead.PoolId };
        lead.Timeline.Add(entry);
        Entries.Add(entry);
        lead.UpdatedAt = entry.At;
    }
}
