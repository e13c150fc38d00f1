using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// One input that changed a lead, as the event log records it (DESIGN §6): a capture, an activity or a
/// sales action. Only inputs are recorded, not their consequences, so that a replay can decide again
/// under another configuration what they would have led to.
/// </summary>
/// <param name="OccurredAt">When it happened: the activity's or sales action's own time, the capture's <c>capturedAt</c> or arrival.</param>
public sealed record LeadEvent(string LeadId, string Kind, DateTimeOffset OccurredAt)
{
    public LeadProfile? Profile { get; init; }
    /// <summary>For a capture: the <c>capturedAt</c> the caller gave, if any.</summary>
    public DateTimeOffset? CapturedAt { get; init; }
    public ActivityRecord? Activity { get; init; }
    public SalesActionRecord? SalesAction { get; init; }

    /// <summary>The event id that makes an activity or sales action idempotent; captures have none.</summary>
    public string? EventId => Activity?.EventId ?? SalesAction?.EventId;

    public static LeadEvent Capture(string leadId, LeadProfile profile, DateTimeOffset? capturedAt, DateTimeOffset now) =>
        new(leadId, LeadEventKinds.Capture, capturedAt ?? now) { Profile = profile, CapturedAt = capturedAt };

    public static LeadEvent Of(string leadId, ActivityRecord activity) =>
        new(leadId, LeadEventKinds.Activity, activity.OccurredAt) { Activity = activity };

    public static LeadEvent Of(string leadId, SalesActionRecord action) =>
        new(leadId, LeadEventKinds.SalesAction, action.OccurredAt) { SalesAction = action };
}

/// <summary>The <c>kind</c> column of <c>leadgrains_events</c>.</summary>
public static class LeadEventKinds
{
    public const string Capture = "capture";
    public const string Activity = "activity";
    public const string SalesAction = "sales_action";
}
