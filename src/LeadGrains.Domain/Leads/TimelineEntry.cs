namespace LeadGrains.Domain.Leads;

/// <summary>One line of a lead's history: what happened, when, why and who did it (DESIGN §1).</summary>
[GenerateSerializer, Immutable]
public sealed record TimelineEntry
{
    [Id(0)] public DateTimeOffset At { get; init; }
    /// <summary><c>captured</c>, <c>updated</c>, <c>stage_changed</c>, <c>activity</c>, …</summary>
    [Id(1)] public string Type { get; init; } = "";
    [Id(2)] public LeadStage? From { get; init; }
    [Id(3)] public LeadStage? To { get; init; }
    [Id(4)] public string? Reason { get; init; }
    [Id(5)] public string? Actor { get; init; }
    [Id(6)] public string? Detail { get; init; }
    [Id(7)] public string? EventId { get; init; }
    /// <summary>For routing entries: the rule, the pool and every candidate considered.</summary>
    [Id(8)] public Routing.RoutingExplanation? Routing { get; init; }
    [Id(9)] public decimal? Amount { get; init; }
    /// <summary>The rep holding the lead when this happened (for a sales action, the rep who acted).</summary>
    [Id(10)] public string? RepId { get; init; }
    /// <summary>The pool the lead was routed to when this happened.</summary>
    [Id(11)] public string? PoolId { get; init; }
}

public static class TimelineTypes
{
    public const string Captured = "captured";
    public const string Updated = "updated";
    public const string StageChanged = "stage_changed";
    public const string Activity = "activity";
    public const string Routed = "routed";
    public const string Queued = "queued";
    public const string Unrouted = "unrouted";
    public const string SalesAction = "sales_action";
    public const string Reassigned = "reassigned";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreached = "sla_breached";
    public const string Escalated = "escalated";
}

public static class Actors
{
    public const string Scoring = "scoring";
    public const string Marketing = "marketing";
    public const string Router = "router";
    public const string Sla = "sla";
    public static string Rep(string repId) => $"rep:{repId}";
}
