using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Webhooks;

/// <summary>The outbound event types (DESIGN §7) and which timeline entries raise them.</summary>
public static class WebhookEvents
{
    public const string SalesReady = "lead.sales_ready";
    public const string Assigned = "lead.assigned";
    public const string SlaWarning = "lead.sla_warning";
    public const string SlaBreached = "lead.sla_breached";
    public const string Reassigned = "lead.reassigned";
    public const string Recycled = "lead.recycled";
    public const string StageChanged = "lead.stage_changed";
    public const string Closed = "lead.closed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        SalesReady, Assigned, SlaWarning, SlaBreached, Reassigned, Recycled, StageChanged, Closed,
    };

    /// <summary>The events one timeline entry raises, most specific first; most entries raise none.</summary>
    public static IReadOnlyList<string> For(TimelineEntry entry) => entry.Type switch
    {
        TimelineTypes.Routed => [Assigned],
        TimelineTypes.Reassigned => [Reassigned],
        TimelineTypes.SlaWarning => [SlaWarning],
        TimelineTypes.SlaBreached => [SlaBreached],
        TimelineTypes.StageChanged => entry.To switch
        {
            LeadStage.SalesReady => [SalesReady, StageChanged],
            { } to when to.IsClosed() => [Closed, StageChanged],
            // Back to marketing from a sales stage is a recycle; captured → nurturing is only a stage change.
            LeadStage.Nurturing when entry.From is { } from && !from.IsMarketing() => [Recycled, StageChanged],
            _ => [StageChanged],
        },
        _ => [],
    };
}
