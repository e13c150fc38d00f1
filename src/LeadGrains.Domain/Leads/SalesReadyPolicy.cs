using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Leads;

/// <summary>
/// Where scoring moves a lead that marketing still owns (DESIGN §1–2): disqualified on a
/// competitor domain or a disqualifying activity; sales-ready on the grade or a fast-track
/// activity; otherwise nurturing. Leads that sales owns are not moved by scoring.
/// </summary>
public static class SalesReadyPolicy
{
    public const string ByGrade = "score_threshold";
    public const string BelowGrade = "below_threshold";

    public static (LeadStage To, string Reason)? Decide(LeadStage stage, LeadScore score, DateTimeOffset? lastRecycledAt)
    {
        if (!stage.IsMarketing())
        {
            return null;
        }
        if (score.Disqualification is { } disqualification)
        {
            return (LeadStage.Disqualified, disqualification);
        }
        if (IsFastTracked(score, lastRecycledAt))
        {
            return (LeadStage.SalesReady, $"fast_track:{score.FastTrackedBy}");
        }
        if (score.MeetsGrade)
        {
            return (LeadStage.SalesReady, ByGrade);
        }
        return stage == LeadStage.Captured ? (LeadStage.Nurturing, BelowGrade) : null;
    }

    /// <summary>A recycled lead is fast-tracked only by a hand-raise made after it came back.</summary>
    public static bool IsFastTracked(LeadScore score, DateTimeOffset? lastRecycledAt) =>
        score.FastTrackedAt is { } raised && (lastRecycledAt is null || raised > lastRecycledAt);
}
