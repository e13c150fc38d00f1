using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>
/// The main path of the funnel, in order. A lead counts as having reached a stage of the path when
/// it reached that stage or any later one, so the counts only shrink along the path. Qualifying
/// (optional), lost and disqualified are off the path and counted on entry.
/// </summary>
public static class FunnelPath
{
    public static readonly IReadOnlyList<LeadStage> Stages =
        [LeadStage.Captured, LeadStage.Nurturing, LeadStage.SalesReady, LeadStage.Assigned, LeadStage.Working, LeadStage.Opportunity, LeadStage.Won];

    public static readonly IReadOnlyList<LeadStage> OffPath = [LeadStage.Qualifying, LeadStage.Lost, LeadStage.Disqualified];

    /// <summary>The stage's position on the path, or -1 when it is off the path.</summary>
    public static int Rank(LeadStage stage) => stage switch
    {
        LeadStage.Captured => 0,
        LeadStage.Nurturing => 1,
        LeadStage.SalesReady => 2,
        LeadStage.Assigned => 3,
        LeadStage.Working => 4,
        LeadStage.Opportunity => 5,
        LeadStage.Won => 6,
        _ => -1,
    };

    /// <summary>Where an open lead stands on the path: an SDR's lead counts as sales-ready.</summary>
    public static int OpenRank(LeadStage stage) => stage == LeadStage.Qualifying ? Rank(LeadStage.SalesReady) : Rank(stage);
}
