using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Simulation;

namespace LeadGrains.Domain.Tests.Simulation;

public sealed class RoutingReplayTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly RoutingConfig Routing = new()
    {
        Pools =
        [
            new PoolRule { Id = "emea", Match = new Dictionary<string, IReadOnlyList<string>> { ["country"] = ["DE", "FR"] } },
            new PoolRule { Id = "default" },
        ],
        AccountMatch = true,
    };

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> Members = new Dictionary<string, IReadOnlyList<RepSnapshot>>
    {
        ["default"] = [Rep("ann", "default", weight: 2), Rep("bob", "default"), Rep("cat", "default", active: false)],
        ["emea"] = [Rep("eva", "emea")],
    };

    private static RepSnapshot Rep(string repId, string pool, int weight = 1, bool active = true) =>
        new() { RepId = repId, Pools = [pool], Weight = weight, Capacity = 0, Active = active, Availability = new Availability(false) };

    private static ReadyLead Ready(string leadId, int minutes, string domain, string country = "US", LeadPriority priority = LeadPriority.Normal) =>
        new(leadId, Day.AddMinutes(minutes), priority, new LeadProfile { Email = $"{leadId}@{domain}", Country = country });

    [Fact]
    public void Round_robin_follows_weights_over_active_members_whatever_their_recorded_leave_or_load()
    {
        var leads = Enumerable.Range(0, 6).Select(i => Ready($"l{i}", i, $"co{i}.com")).ToList();

        var routed = RoutingReplay.Route(leads, Routing, Members);

        Assert.All(routed, lead => Assert.Equal("default", lead.PoolId));
        Assert.Equal(4, routed.Count(lead => lead.RepId == "ann"));
        Assert.Equal(2, routed.Count(lead => lead.RepId == "bob"));
    }

    [Fact]
    public void Rules_pick_the_pool_and_the_first_rep_of_a_domain_keeps_it()
    {
        var leads = new[] { Ready("a1", 0, "acme.com"), Ready("b1", 1, "beta.com"), Ready("a2", 2, "acme.com"), Ready("de", 3, "gmbh.de", "DE") };

        var routed = RoutingReplay.Route(leads, Routing, Members).ToDictionary(lead => lead.Lead.LeadId);

        Assert.Equal(routed["a1"].RepId, routed["a2"].RepId);
        Assert.True(routed["a2"].AccountMatched);
        Assert.Equal(("emea", "eva"), (routed["de"].PoolId, routed["de"].RepId));
    }

    [Fact]
    public void A_pool_without_active_members_leaves_its_leads_waiting_and_no_rule_leaves_them_unrouted()
    {
        var routing = new RoutingConfig { Pools = [new PoolRule { Id = "empty", Match = new Dictionary<string, IReadOnlyList<string>> { ["country"] = ["US"] } }] };

        var routed = RoutingReplay.Route([Ready("us", 0, "a.com"), Ready("fr", 1, "b.com", "FR")], routing, Members);

        Assert.Equal(("empty", (string?)null), (routed[0].PoolId, routed[0].RepId));
        Assert.Equal(((string?)null, (string?)null), (routed[1].PoolId, routed[1].RepId));
    }

    [Fact]
    public void Sla_load_counts_priorities_the_busiest_day_and_overlapping_clocks()
    {
        var sla = new SlaConfig { FirstTouch = new FirstTouchSla { High = TimeSpan.FromMinutes(15), Normal = TimeSpan.FromHours(4) } };
        var lead = (string id, int minutes, LeadPriority priority) => new RoutedLead(Ready(id, minutes, "x.com", priority: priority), "default", "ann", false);

        var load = Assert.Single(SlaLoad.PerRep([lead("a", 0, LeadPriority.Normal), lead("b", 60, LeadPriority.High), lead("c", 300, LeadPriority.Normal), lead("d", 24 * 60, LeadPriority.Normal)], sla));

        Assert.Equal(new RepSlaLoad("ann", 4, 1, 3, DateOnly.FromDateTime(Day.UtcDateTime), 3, 2), load);
    }
}
