using CsCheck;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reports;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;

namespace LeadGrains.Domain.Tests.Reports;

/// <summary>What one lead's changes add to the report aggregates, recorded the way the lead grain records them.</summary>
public sealed class ReportFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly RoutingExplanation Routed = new() { Outcome = RoutingOutcomes.Assigned, PoolId = "p" };
    private static readonly DateOnly Day = DateOnly.FromDateTime(Now.UtcDateTime);

    private sealed class RecordedLead
    {
        public Lead Lead { get; } = new();
        public ReportDelta Delta { get; } = new();
        public DateTimeOffset At { get; set; } = Now;

        public void Do(Func<Lead, LeadChange> command) => ReportFacts.Record(Lead, command(Lead), Delta);

        public void Capture() => Do(lead => lead.Capture("lead-1", new LeadProfile { Email = "a@acme.io", Source = "webinar", Tags = ["vip"] }, null, DefaultConfig.Scoring, At));

        public void Activity(string type) => Do(lead => lead.RecordActivity(new ActivityRecord($"{type}-{At.Ticks}", type, At), DefaultConfig.Scoring, At));

        public void Assign(string repId) => Do(lead => lead.Assign("p", repId, false, Routed, FirstTouchClock.Start(lead.Priority, new SlaConfig(), At), new LeadChange(lead)));

        public void Sales(SalesActionType action, string? reason = null, decimal? amount = null) =>
            Do(lead => lead.ApplySalesAction(new SalesActionRecord($"{action}-{At.Ticks}", action, lead.OwnerRepId ?? "nobody", reason, amount, At), At).Change);

        public ReportCounters Total()
        {
            var total = new ReportCounters();
            foreach (var counters in Delta.Days.Values.SelectMany(day => day.Values))
            {
                total.Merge(counters);
            }
            return total;
        }
    }

    [Fact]
    public void A_recycled_lead_counts_once_per_stage_and_its_reason_is_kept()
    {
        var recorded = new RecordedLead();
        recorded.Capture();
        recorded.Activity(ActivityTypes.DemoRequest);
        recorded.Assign("alice");
        recorded.At = Now.AddMinutes(5);
        recorded.Sales(SalesActionType.Reject, "not_a_buyer");

        var total = recorded.Total();
        Assert.Equal([1L, 1, 1, 1, 0, 0, 0], FunnelPath.Stages.Select(total.ReachedCount));
        Assert.Equal(1, total.Recycled["rejected"]);
        Assert.Equal(1, total.Rejected["not_a_buyer"]);
        Assert.Equal(1, total.HandedOff);
        Assert.Equal(0, total.Accepted);
        Assert.Equal(300, total.TimeIn(LeadStage.Assigned).Percentile(0.5));
        Assert.Equal(new Dictionary<ReportSlot, long> { [new ReportSlot(LeadStage.Nurturing, new ReportDims("webinar", "", "", ""))] = 1 }, recorded.Delta.Open);
    }

    [Fact]
    public void A_win_straight_from_working_reaches_opportunity_and_files_revenue_rep_and_profile()
    {
        var recorded = new RecordedLead();
        recorded.Capture();
        recorded.Activity(ActivityTypes.DemoRequest);
        recorded.Assign("alice");
        recorded.At = Now.AddMinutes(10);
        recorded.Sales(SalesActionType.Contacted);
        recorded.At = Now.AddDays(1);
        recorded.Sales(SalesActionType.Won, amount: 1_200m);

        var total = recorded.Total();
        Assert.Equal([1L, 1, 1, 1, 1, 1, 1], FunnelPath.Stages.Select(total.ReachedCount));
        Assert.Equal(1_200m, total.WonRevenue);
        Assert.Equal(1, total.WonFeatures["tag:vip"]);
        Assert.Equal((1, 0, 1), (total.SlaMet, total.SlaMissed, total.Accepted));
        Assert.Equal(600, total.TimeToFirstTouch.Percentile(0.5));
        // Event facts land on the day they happened, under the rep who acted; cohort facts on the capture day.
        var nextDay = recorded.Delta.Days[Day.AddDays(1)].Single();
        Assert.Equal((new ReportDims("webinar", "", "p", "alice"), 1L, 1_200m), (nextDay.Key, nextDay.Value.Won, nextDay.Value.Revenue));
        Assert.Equal(1, recorded.Delta.Days[Day][new ReportDims("webinar", "", "p", "alice")].ReachedCount(LeadStage.Won));
    }

    [Fact]
    public void A_change_that_changed_nothing_adds_nothing()
    {
        var recorded = new RecordedLead();
        recorded.Capture();
        var before = recorded.Total().ReachedCount(LeadStage.Captured);

        recorded.Capture();

        Assert.Equal(before, recorded.Total().ReachedCount(LeadStage.Captured));
    }

    private static readonly SalesActionType[] Actions = Enum.GetValues<SalesActionType>();

    [Fact]
    public void Whatever_happens_a_lead_is_counted_once_in_current_leads_and_at_most_once_per_stage()
    {
        var steps = Gen.Int[0, 12].Array[1, 25];
        steps.Sample(plan =>
        {
            var recorded = new RecordedLead();
            recorded.Capture();
            foreach (var step in plan)
            {
                recorded.At = recorded.At.AddMinutes(7);
                switch (step)
                {
                    case 0:
                        recorded.Activity(ActivityTypes.DemoRequest);
                        break;
                    case 1:
                        recorded.Activity(ActivityTypes.PricingPageView);
                        break;
                    case 2:
                        if (recorded.Lead.NeedsRouting)
                        {
                            recorded.Assign(recorded.At.Minute % 2 == 0 ? "alice" : "bob");
                        }
                        break;
                    default:
                        recorded.Sales(Actions[(step - 3) % Actions.Length], reason: "r", amount: 10);
                        break;
                }
            }

            var total = recorded.Total();
            var reached = FunnelPath.Stages.Select(total.ReachedCount).ToList();
            Assert.All(reached, count => Assert.InRange(count, 0, 1));
            Assert.Equal(reached.OrderDescending(), reached);
            var current = Assert.Single(recorded.Delta.Open);
            Assert.Equal((recorded.Lead.Stage, 1L), (current.Key.Stage, current.Value));
        });
    }
}
