using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports.Views;

/// <param name="Observed">Leads of the window that reached <paramref name="From"/>; <paramref name="ObservedOn"/> of them reached <paramref name="To"/>.</param>
/// <param name="Rate">(observed on + prior weight × prior) ÷ (observed + prior weight).</param>
public sealed record StepConversion(string From, string To, long Observed, long ObservedOn, double Prior, double Rate);

public sealed record OpenStage(string Stage, long Open, double WinProbability, double ExpectedWins);

/// <summary>
/// Expected wins and revenue from the leads open now, by stage, using the conversion measured over
/// the window. Thin data leans on a documented prior: each step's rate is the observed rate blended
/// with <see cref="Priors"/> as if <see cref="PriorWeight"/> leads had followed the prior.
/// </summary>
public sealed record ForecastReport(
    IReadOnlyList<OpenStage> OpenLeads,
    IReadOnlyList<StepConversion> Conversions,
    double ExpectedWins,
    decimal? AverageDeal,
    decimal? ExpectedRevenue,
    int PriorWeight) : ITabularReport
{
    public const int DefaultPriorWeight = 20;

    /// <summary>
    /// Typical B2B step rates (inquiry → MQL → accepted → opportunity → won), used while the window
    /// has few leads at a step: captured → nurturing 0.95, nurturing → sales-ready 0.13, sales-ready →
    /// assigned 0.95, assigned → working 0.70, working → opportunity 0.35, opportunity → won 0.25.
    /// </summary>
    public static readonly IReadOnlyList<double> Priors = [0.95, 0.13, 0.95, 0.70, 0.35, 0.25];

    private static readonly LeadStage[] Open = [LeadStage.Captured, LeadStage.Nurturing, LeadStage.SalesReady, LeadStage.Qualifying, LeadStage.Assigned, LeadStage.Working, LeadStage.Opportunity];

    public static ForecastReport From(ReportData data, int priorWeight = DefaultPriorWeight)
    {
        var total = data.Total();
        var path = FunnelPath.Stages;
        var steps = Priors.Select((prior, i) =>
        {
            var observed = total.ReachedCount(path[i]);
            var on = total.ReachedCount(path[i + 1]);
            var weight = observed + priorWeight;
            return new StepConversion(path[i].WireName(), path[i + 1].WireName(), observed, on, prior, weight == 0 ? prior : Round((on + priorWeight * prior) / weight));
        }).ToList();
        var open = Open.Select(stage =>
        {
            var count = data.CurrentIn(stage);
            var probability = Round(steps.Skip(FunnelPath.OpenRank(stage)).Aggregate(1.0, (p, step) => p * step.Rate));
            return new OpenStage(stage.WireName(), count, probability, Round(count * probability));
        }).ToList();
        var expectedWins = Math.Round(open.Sum(stage => stage.Open * stage.WinProbability), 2);
        var won = total.ReachedCount(LeadStage.Won);
        decimal? averageDeal = won == 0 ? null : Math.Round(total.WonRevenue / won, 2);
        return new ForecastReport(open, steps, expectedWins, averageDeal, averageDeal * (decimal)expectedWins, priorWeight);
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    public ReportTable ToTable() => new(
        ["stage", "open", "win_probability", "expected_wins"],
        [.. OpenLeads.Select(s => (IReadOnlyList<object?>)[s.Stage, s.Open, s.WinProbability, s.ExpectedWins]),
         ["(total)", OpenLeads.Sum(s => s.Open), null, ExpectedWins]]);
}
