using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Simulation;

/// <summary>How a lead actually ended, from its recorded sales actions: the closed loop a configuration is judged by.</summary>
/// <param name="Result"><c>won</c>, <c>lost</c>, <c>disqualified</c> or <c>open</c>.</param>
/// <param name="Amount">The amount it was won for.</param>
/// <param name="FurthestStage">The furthest funnel stage it reached.</param>
public sealed record ActualOutcome(string Result, decimal? Amount, LeadStage FurthestStage)
{
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Disqualified = "disqualified";
    public const string Open = "open";

    /// <param name="scored">How far scoring took the lead under the live configuration (a hard bounce disqualifies).</param>
    public static ActualOutcome Of(LeadHistory history, LeadStage scored)
    {
        var furthest = scored;
        string? result = scored == LeadStage.Disqualified ? Disqualified : null;
        decimal? amount = null;
        foreach (var action in history.Events.Select(e => e.SalesAction).OfType<SalesActionRecord>())
        {
            if (result is not null)
            {
                break;
            }
            furthest = Funnel.Furthest(furthest, Reached(action.Action));
            (result, amount) = action.Action switch
            {
                SalesActionType.Won => (Won, action.Amount),
                SalesActionType.Lost => (Lost, null),
                SalesActionType.Disqualify => (Disqualified, null),
                _ => ((string?)null, (decimal?)null),
            };
        }
        return new ActualOutcome(result ?? Open, amount, furthest);
    }

    /// <summary>The stage a recorded (hence applied) sales action shows the lead was in or went to.</summary>
    private static LeadStage Reached(SalesActionType action) => action switch
    {
        SalesActionType.Qualify => LeadStage.Qualifying,
        SalesActionType.Contacted => LeadStage.Working,
        SalesActionType.Opportunity => LeadStage.Opportunity,
        SalesActionType.Won => LeadStage.Won,
        SalesActionType.Lost => LeadStage.Lost,
        SalesActionType.Disqualify => LeadStage.Disqualified,
        _ => LeadStage.Assigned,
    };
}
