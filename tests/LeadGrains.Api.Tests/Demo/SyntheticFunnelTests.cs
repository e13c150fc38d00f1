using System.Text.Json;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Host.Demo;
using LeadGrains.Host.Leads;

namespace LeadGrains.Api.Tests.Demo;

/// <summary>The demo generator is pure: a seed gives the same run, and every request it makes is one the API accepts.</summary>
public sealed class SyntheticFunnelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly LeadStage[] AllStages = Enum.GetValues<LeadStage>();

    private static List<SyntheticLead> Leads(int seed, int count)
    {
        var funnel = new SyntheticFunnel(seed);
        return [.. Enumerable.Range(0, count).Select(_ => funnel.NextLead())];
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void Same_seed_gives_the_same_leads_engagement_and_sales_actions()
    {
        string Run(int seed)
        {
            var funnel = new SyntheticFunnel(seed, run: "r");
            var trace = new List<object?>();
            for (var i = 0; i < 300; i++)
            {
                var lead = funnel.NextLead();
                trace.Add(lead);
                trace.Add(funnel.NextActivity(lead.Intent));
                trace.Add(funnel.NextSalesAction(lead, AllStages[i % AllStages.Length], "rep-1", breaches: 1));
            }
            return Json(trace);
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void The_nth_lead_of_a_seed_does_not_depend_on_the_engagement_in_between()
    {
        var quiet = new SyntheticFunnel(11);
        var busy = new SyntheticFunnel(11);

        for (var i = 0; i < 100; i++)
        {
            var expected = quiet.NextLead();
            var lead = busy.NextLead();
            busy.NextActivity(lead.Intent);
            busy.NextSalesAction(lead, LeadStage.Working, "rep-1", breaches: 0);
            Assert.Equal(Json(expected), Json(lead));
        }
    }

    [Fact]
    public void Every_generated_capture_passes_the_api_validation()
    {
        foreach (var lead in Leads(seed: 3, count: 3_000))
        {
            var errors = LeadRequestValidator.Validate(lead.Capture, Now);
            Assert.True(errors.IsValid, $"{Json(lead.Capture)}: {errors}");
        }
    }

    [Fact]
    public void Every_activity_is_a_configured_type_with_a_unique_event_id()
    {
        var funnel = new SyntheticFunnel(5);
        var scoring = DemoTeam.Config(1).Scoring;
        var eventIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var intent in Enum.GetValues<DemoIntent>())
        {
            for (var i = 0; i < 500; i++)
            {
                var activity = funnel.NextActivity(intent);
                var errors = LeadRequestValidator.Validate(activity, scoring, Now);
                Assert.True(errors.IsValid, $"{Json(activity)}: {errors}");
                Assert.True(eventIds.Add(activity.EventId!), activity.EventId);
            }
        }
    }

    [Fact]
    public void Sales_actions_are_valid_name_the_owner_and_fit_the_stage()
    {
        var funnel = new SyntheticFunnel(9);
        var actions = new List<(LeadStage Stage, SalesActionRequest Action)>();

        foreach (var lead in Leads(seed: 9, count: 1_000))
        {
            foreach (var stage in AllStages)
            {
                if (funnel.NextSalesAction(lead, stage, "owner-7", breaches: 1) is { } action)
                {
                    actions.Add((stage, action));
                }
            }
        }

        Assert.All(actions, pair =>
        {
            var errors = SalesActionValidator.Validate(pair.Action, Now, out var type);
            Assert.True(errors.IsValid, $"{Json(pair.Action)}: {errors}");
            Assert.Equal("owner-7", pair.Action.RepId);
            Assert.NotNull(SalesActionPolicy.Decide(pair.Stage, type));
        });
        var byAction = actions.GroupBy(pair => pair.Action.Action!).ToDictionary(group => group.Key, group => group.Select(pair => pair.Action).ToList());
        Assert.Superset(new HashSet<string> { "contacted", "opportunity", "won", "lost", "reject", "return_to_marketing" }, byAction.Keys.ToHashSet());
        Assert.All(byAction["won"], won => Assert.InRange(won.Amount!.Value, 4_000m, 400_000m));
        Assert.True(byAction["won"].Select(won => won.Amount).Distinct().Count() > 10, "won amounts vary");
    }

    [Fact]
    public void A_neglected_lead_is_left_alone_by_its_first_rep_and_worked_after_a_breach()
    {
        var funnel = new SyntheticFunnel(13);
        var neglected = Leads(seed: 13, count: 500).Where(lead => lead.Neglected).ToList();

        Assert.InRange(neglected.Count, 40, 110);
        Assert.All(neglected, lead => Assert.Null(funnel.NextSalesAction(lead, LeadStage.Assigned, "rep-1", breaches: 0)));
        Assert.Contains(neglected, lead => funnel.NextSalesAction(lead, LeadStage.Assigned, "rep-2", breaches: 1) is not null);
    }

    [Fact]
    public void The_mix_is_realistic_and_reaches_every_demo_pool()
    {
        var leads = Leads(seed: 21, count: 4_000);
        var routing = DemoTeam.Config(1).Routing;
        double Share(Func<SyntheticLead, bool> predicate) => leads.Count(predicate) / (double)leads.Count;

        Assert.InRange(Share(lead => DemoCatalog.FreeMailDomains.Contains(EmailAddress.DomainOf(lead.Capture.Email!))), 0.05, 0.15);
        Assert.InRange(Share(lead => DemoCatalog.StudentTitles.Contains(lead.Capture.Title)), 0.02, 0.07);
        Assert.InRange(Share(lead => DemoCatalog.CompetitorDomains.Contains(EmailAddress.DomainOf(lead.Capture.Email!))), 0.005, 0.04);
        Assert.InRange(Share(lead => lead.Capture.Title!.Contains("VP", StringComparison.Ordinal) || lead.Capture.Title.StartsWith("Chief", StringComparison.Ordinal)), 0.05, 0.3);
        Assert.Equal(DemoCatalog.Channels.Length, leads.Select(lead => lead.Capture.Source).Distinct().Count());
        var pools = leads.GroupBy(lead => PoolSelector.Select(lead.Capture.ToProfile(), routing, skipSdr: false)!.PoolId)
            .ToDictionary(group => group.Key, group => group.Count() / (double)leads.Count);
        Assert.All(DemoTeam.Pools, pool => Assert.InRange(pools.GetValueOrDefault(pool), 0.05, 0.6));
    }

    [Fact]
    public void Share_of_fast_tracked_leads_is_within_bounds()
    {
        var funnel = new SyntheticFunnel(17);
        var leads = 4_000;
        var fastTracked = 0;

        for (var i = 0; i < leads; i++)
        {
            var lead = funnel.NextLead();
            var activities = funnel.FirstVisitLength(lead.Intent) + 2;
            var types = Enumerable.Range(0, activities).Select(_ => funnel.NextActivity(lead.Intent).Type).ToList();
            fastTracked += types.Contains(ActivityTypes.DemoRequest) ? 1 : 0;
        }

        Assert.InRange(fastTracked / (double)leads, 0.05, 0.14);
    }

    [Fact]
    public void Leads_are_paced_at_the_rate_with_fractions_carried_and_catch_up_capped()
    {
        var funnel = new SyntheticFunnel(1, leadsPerSecond: 2.5);

        var perSecond = Enumerable.Range(0, 4).Select(_ => funnel.LeadsDue(TimeSpan.FromSeconds(1))).ToList();
        var afterAPause = funnel.LeadsDue(TimeSpan.FromHours(1));

        Assert.Equal(10, perSecond.Sum());
        Assert.All(perSecond, due => Assert.InRange(due, 2, 3));
        Assert.Equal(25, afterAPause);
    }
}
