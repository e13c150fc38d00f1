namespace LeadGrains.Domain.Leads;

/// <summary>What sales does with a lead (DESIGN §3, §7).</summary>
public enum SalesActionType
{
    Accept,
    Reject,
    Contacted,
    Qualify,
    Disqualify,
    Opportunity,
    Won,
    Lost,
    ReturnToMarketing,
}

/// <summary>One sales action as the lead remembers it; <see cref="EventId"/> makes it idempotent.</summary>
[GenerateSerializer, Immutable]
public sealed record SalesActionRecord(
    [property: Id(0)] string EventId,
    [property: Id(1)] SalesActionType Action,
    [property: Id(2)] string RepId,
    [property: Id(3)] string? Reason,
    [property: Id(4)] decimal? Amount,
    [property: Id(5)] DateTimeOffset OccurredAt);

/// <summary>The reasons a lead goes back to marketing (DESIGN §1).</summary>
public static class RecycleReasons
{
    public const string Rejected = "rejected";
    public const string Returned = "returned";
    public const string SlaExhausted = "sla_exhausted";
    public const string Stalled = "stalled";
    public const string NoResponse = "no_response";
}

/// <summary>
/// Which sales action is allowed in which stage, and where it takes the lead. Anything not in
/// this table is refused and changes nothing.
/// </summary>
public static class SalesActionPolicy
{
    private static readonly LeadStage[] Owned = [LeadStage.Qualifying, LeadStage.Assigned, LeadStage.Working, LeadStage.Opportunity];
    private static readonly LeadStage[] AccountExecutive = [LeadStage.Assigned, LeadStage.Working, LeadStage.Opportunity];

    public static SalesTransition? Decide(LeadStage stage, SalesActionType action) => action switch
    {
        SalesActionType.Accept when stage is LeadStage.Assigned or LeadStage.Qualifying => new(stage, Release: false, "accepted"),
        SalesActionType.Contacted when stage == LeadStage.Assigned => new(LeadStage.Working, Release: false, "contacted"),
        SalesActionType.Contacted when stage is LeadStage.Qualifying or LeadStage.Working or LeadStage.Opportunity => new(stage, Release: false, "contacted"),
        SalesActionType.Qualify when stage == LeadStage.Qualifying => new(LeadStage.SalesReady, Release: true, "qualified"),
        SalesActionType.Opportunity when stage is LeadStage.Assigned or LeadStage.Working => new(LeadStage.Opportunity, Release: false, "opportunity"),
        SalesActionType.Won when AccountExecutive.Contains(stage) => new(LeadStage.Won, Release: true, "won"),
        SalesActionType.Lost when AccountExecutive.Contains(stage) => new(LeadStage.Lost, Release: true, "lost"),
        SalesActionType.Reject when stage is LeadStage.Assigned or LeadStage.Qualifying => new(LeadStage.Nurturing, Release: true, RecycleReasons.Rejected),
        SalesActionType.ReturnToMarketing when Owned.Contains(stage) => new(LeadStage.Nurturing, Release: true, RecycleReasons.Returned),
        SalesActionType.Disqualify when Owned.Contains(stage) || stage is LeadStage.SalesReady or LeadStage.Nurturing or LeadStage.Captured
            => new(LeadStage.Disqualified, Release: true, "disqualified_by_sales"),
        _ => null,
    };
}

/// <param name="Release">Whether the owning rep's capacity is freed.</param>
public sealed record SalesTransition(LeadStage To, bool Release, string Reason);
