namespace LeadGrains.Domain.Leads;

/// <summary>The integrated funnel (DESIGN §1). Every lead is in exactly one stage.</summary>
public enum LeadStage
{
    Captured,
    Nurturing,
    SalesReady,
    Qualifying,
    Assigned,
    Working,
    Opportunity,
    Won,
    Lost,
    Disqualified,
}

public enum LeadPriority
{
    Normal,
    High,
}

public static class LeadStages
{
    /// <summary>Stages owned by marketing: scoring may still move the lead.</summary>
    public static bool IsMarketing(this LeadStage stage) => stage is LeadStage.Captured or LeadStage.Nurturing;

    public static bool IsClosed(this LeadStage stage) => stage is LeadStage.Won or LeadStage.Lost or LeadStage.Disqualified;

    /// <summary>The wire name of a stage (<c>sales_ready</c>), as the API and timeline spell it.</summary>
    public static string WireName(this LeadStage stage) => stage switch
    {
        LeadStage.SalesReady => "sales_ready",
        _ => stage.ToString().ToLowerInvariant(),
    };
}
