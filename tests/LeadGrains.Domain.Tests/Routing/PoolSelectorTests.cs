using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Domain.Tests.Routing;

public sealed class PoolSelectorTests
{
    private static readonly RoutingConfig Routing = new()
    {
        Pools =
        [
            new PoolRule { Id = "emea-enterprise", Match = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["emea"], ["industry"] = ["software"] } },
            new PoolRule { Id = "emea", Match = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["emea"] } },
            new PoolRule { Id = "everyone" },
        ],
    };

    [Fact]
    public void Rules_are_tried_in_order_and_the_first_match_wins()
    {
        var lead = new LeadProfile { Email = "a@b.de", Region = "EMEA", Industry = "Software" };

        var choice = PoolSelector.Select(lead, Routing, skipSdr: false);

        Assert.Equal("emea-enterprise", choice!.PoolId);
        Assert.Contains("region=EMEA", choice.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_of_a_match_must_hold_and_a_pool_without_match_catches_the_rest()
    {
        Assert.Equal("emea", PoolSelector.Select(new LeadProfile { Email = "a@b.de", Region = "emea", Industry = "Retail" }, Routing, false)!.PoolId);
        Assert.Equal("everyone", PoolSelector.Select(new LeadProfile { Email = "a@b.us", Region = "amer" }, Routing, false)!.PoolId);
    }

    [Fact]
    public void No_match_and_no_catch_all_selects_no_pool()
    {
        var routing = Routing with { Pools = Routing.Pools.Take(2).ToList() };

        Assert.Null(PoolSelector.Select(new LeadProfile { Email = "a@b.us" }, routing, false));
    }

    [Fact]
    public void Sdr_pool_comes_first_until_the_lead_is_qualified()
    {
        var routing = Routing with { Pools = [.. Routing.Pools, new PoolRule { Id = "sdr" }], SdrPool = "sdr" };
        var lead = new LeadProfile { Email = "a@b.us" };

        Assert.True(PoolSelector.Select(lead, routing, skipSdr: false)!.IsSdr);
        Assert.Equal("everyone", PoolSelector.Select(lead, routing, skipSdr: true)!.PoolId);
    }
}
