using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Simulation;
using static LeadGrains.Domain.Tests.Simulation.Histories;

namespace LeadGrains.Domain.Tests.Simulation;

public sealed class ConfigSimulationTests
{
    private static readonly DateTimeOffset Day = From.AddDays(3).AddHours(9);
    private static readonly EngineConfig Live = DefaultConfig.Create() with { Version = 7 };
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> Members = new Dictionary<string, IReadOnlyList<RepSnapshot>>
    {
        ["default"] = [Rep("ann"), Rep("bob")],
    };

    private static RepSnapshot Rep(string repId, int weight = 1, bool active = true) =>
        new() { RepId = repId, Pools = ["default"], Weight = weight, Capacity = 1, OpenLeads = 1, Active = active };

    private static EngineConfig Threshold(decimal threshold) =>
        Live with { Scoring = Live.Scoring with { SalesReady = Live.Scoring.SalesReady with { Threshold = threshold } } };

    private static SimulationReport Simulate(EngineConfig proposed, params Histories[] leads)
    {
        var simulation = new ConfigSimulation(Live, proposed, From, To);
        foreach (var lead in leads)
        {
            simulation.Add(lead.Build());
        }
        return simulation.Finish(Members);
    }

    /// <summary>Fit 55 + webinar 15 = 70: sales-ready at 60, not at 80.</summary>
    private static Histories Borderline(string name, DateTimeOffset at) =>
        Lead(name, GoodFit(name), at).Activity($"{name}-w", ActivityTypes.WebinarAttended, at.AddMinutes(5));

    /// <summary>Fit 55 + webinar 15 + two forms 20 = 90: sales-ready at either bar.</summary>
    private static Histories Strong(string name, DateTimeOffset at) =>
        Borderline(name, at).Activity($"{name}-f1", ActivityTypes.FormSubmit, at.AddMinutes(6)).Activity($"{name}-f2", ActivityTypes.FormSubmit, at.AddMinutes(7));

    [Fact]
    public void Stricter_threshold_yields_fewer_sales_ready_leads_and_names_the_ones_that_drop()
    {
        var report = Simulate(Threshold(80),
            Borderline("ada", Day), Strong("bea", Day.AddHours(1)), Borderline("cy", Day.AddHours(2)),
            Lead("dee", GoodFit("dee"), Day).Activity("dee-d", ActivityTypes.DemoRequest, Day.AddHours(3)),
            Lead("eve", GoodFit("eve", "gmail.com") with { Title = "Student" }, Day));

        Assert.Equal(5, report.LeadsReplayed);
        Assert.Equal(4, report.Live.SalesReady);
        Assert.Equal(2, report.Proposed.SalesReady);
        Assert.Equal(2, report.Dropped.Count);
        Assert.Equal(["ada", "cy"], report.Dropped.Examples.Select(lead => lead.LeadId).Order(StringComparer.Ordinal));
        Assert.Empty(report.Added.Examples);
        var ada = report.Dropped.Examples.Single(lead => lead.LeadId == "ada");
        Assert.Equal("ada@bigco.com", ada.Email);
        Assert.Equal(ada.LiveScore, ada.ProposedScore);
        Assert.InRange(ada.LiveScore.Total, 69.9m, 70m);
        Assert.Equal(Day.AddMinutes(5), ada.LiveSalesReadyAt);
        Assert.Null(ada.ProposedSalesReadyAt);
        Assert.Equal(7, report.LiveVersion);
    }

    [Fact]
    public void Looser_min_fit_adds_leads_with_their_scores()
    {
        var weakFit = Lead("fay", new LeadProfile { Email = "fay@smallco.com", Title = "Manager", Employees = 50 }, Day)
            .Activity("fay-d1", ActivityTypes.FormSubmit, Day).Activity("fay-d2", ActivityTypes.ContentDownload, Day)
            .Activity("fay-d3", ActivityTypes.ContentDownload, Day).Activity("fay-w", ActivityTypes.WebinarAttended, Day)
            .Activity("fay-p", ActivityTypes.PricingPageView, Day);
        var proposed = Live with { Scoring = Live.Scoring with { SalesReady = Live.Scoring.SalesReady with { MinFit = 10 } } };

        var report = Simulate(proposed, weakFit);

        var fay = Assert.Single(report.Added.Examples);
        Assert.Equal(15m, fay.LiveScore.Fit);
        Assert.Equal(fay.ProposedScore, fay.LiveScore);
        Assert.Equal((0, 1), (report.Live.SalesReady, report.Proposed.SalesReady));
    }

    [Fact]
    public void An_event_recorded_twice_counts_once()
    {
        // One form counted twice would make 90 and pass the stricter bar.
        var lead = Borderline("gil", Day).Activity("gil-f", ActivityTypes.FormSubmit, Day.AddMinutes(6)).Again();

        var report = Simulate(Threshold(85), lead);

        Assert.Equal(1, report.Dropped.Count);
        Assert.Equal(0, report.Added.Count);
    }

    [Fact]
    public void Leads_sales_ready_before_the_window_are_not_counted_in_it()
    {
        var before = Borderline("hal", From.AddDays(-2)).Activity("hal-p", ActivityTypes.PageView, Day);

        var report = Simulate(Threshold(80), before);

        Assert.Equal(1, report.LeadsReplayed);
        Assert.Equal((0, 0), (report.Live.SalesReady, report.Proposed.SalesReady));
    }

    [Fact]
    public void A_recorded_reject_recycles_the_lead_and_a_later_hand_raise_makes_it_sales_ready_again()
    {
        var lead = Borderline("ian", From.AddDays(-2))
            .Sales("ian-r", SalesActionType.Reject, Day)
            .Activity("ian-d", ActivityTypes.DemoRequest, Day.AddDays(1));

        var report = Simulate(Threshold(80), lead);

        Assert.Equal((1, 1), (report.Live.SalesReady, report.Live.HighPriority));
        Assert.Equal(1, report.Proposed.SalesReady);
    }

    [Fact]
    public void Dropped_leads_show_how_they_actually_converted()
    {
        var won = Borderline("jo", Day).Sales("jo-c", SalesActionType.Contacted, Day.AddHours(1))
            .Sales("jo-o", SalesActionType.Opportunity, Day.AddDays(1)).Sales("jo-won", SalesActionType.Won, Day.AddDays(5), 12_000m);
        var lost = Borderline("kim", Day).Sales("kim-l", SalesActionType.Lost, Day.AddDays(2));
        var open = Borderline("lu", Day).Sales("lu-c", SalesActionType.Contacted, Day.AddHours(2));
        var kept = Strong("max", Day).Sales("max-d", SalesActionType.Disqualify, Day.AddDays(1));

        var report = Simulate(Threshold(80), won, lost, open, kept);

        Assert.Equal(new OutcomeTally(3, 1, 12_000m, 1, 0, 1), report.Outcomes.Dropped);
        Assert.Equal(new OutcomeTally(1, 0, 0, 0, 1, 0), report.Outcomes.Kept);
        var jo = report.Dropped.Examples.Single(lead => lead.LeadId == "jo");
        Assert.Equal(new ActualOutcome(ActualOutcome.Won, 12_000m, LeadStage.Won), jo.Actual);
        Assert.Equal(LeadStage.Working, report.Dropped.Examples.Single(lead => lead.LeadId == "lu").Actual.FurthestStage);
    }

    [Fact]
    public void A_history_without_a_capture_is_left_out_and_said_so()
    {
        var simulation = new ConfigSimulation(Live, Live, From, To);
        simulation.Add(LeadHistory.Of("old", [LeadEvent.Of("old", new ActivityRecord("o-1", ActivityTypes.DemoRequest, Day))]));

        var report = simulation.Finish(Members);

        Assert.Equal(0, report.LeadsReplayed);
        Assert.Contains(report.Notes, note => note.StartsWith("1 lead(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_configuration_changes_nothing()
    {
        var report = Simulate(Live, Borderline("ned", Day), Strong("oli", Day));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(report.Live), System.Text.Json.JsonSerializer.Serialize(report.Proposed));
        Assert.Equal(2, report.Live.SalesReady);
        Assert.Equal(0, report.Dropped.Count + report.Added.Count);
    }
}
