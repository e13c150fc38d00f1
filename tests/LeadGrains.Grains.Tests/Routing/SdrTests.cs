using LeadGrains.Abstractions.Reps;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;

namespace LeadGrains.Grains.Tests.Routing;

/// <summary>A cluster of its own, because an SDR pool changes where every sales-ready lead goes first.</summary>
public sealed class SdrClusterFixture : ClusterFixture
{
    protected override RoutingConfig Routing => new()
    {
        Pools = [new PoolRule { Id = "sdr" }, new PoolRule { Id = "ae" }],
        SdrPool = "sdr",
        AccountMatch = false,
    };
}

public sealed class SdrTests(SdrClusterFixture fixture) : IClassFixture<SdrClusterFixture>
{
    [Fact]
    public async Task Sales_ready_leads_are_qualified_by_an_sdr_then_routed_to_an_account_executive()
    {
        await fixture.Reps.UpsertAsync("sdr-1", new RepProfile { Name = "Sam", Pools = ["sdr"] });
        await fixture.Reps.UpsertAsync("ae-1", new RepProfile { Name = "Alex", Pools = ["ae"] });

        var lead = await LeadFactory.SalesReadyAsync(fixture, "any");
        Assert.Equal((LeadStage.Qualifying, "sdr-1"), (lead.Stage, lead.OwnerRepId));

        var qualified = (await LeadFactory.ActAsync(fixture, lead, SalesActionType.Qualify)).Lead;

        Assert.Equal((LeadStage.Assigned, "ae-1", "ae"), (qualified.Stage, qualified.OwnerRepId, qualified.PoolId));
        Assert.Equal(0, (await fixture.Grains.GetGrain<IRepGrain>("sdr-1").GetAsync())!.OpenLeads);
        Assert.Equal(
            [LeadStage.Nurturing, LeadStage.SalesReady, LeadStage.Qualifying, LeadStage.SalesReady, LeadStage.Assigned],
            qualified.Timeline.Where(entry => entry.Type == TimelineTypes.StageChanged).Select(entry => entry.To!.Value));
    }

    [Fact]
    public async Task Sdr_disqualify_ends_the_lead_and_frees_the_sdr()
    {
        await fixture.Reps.UpsertAsync("sdr-2", new RepProfile { Name = "Sue", Pools = ["sdr"], Capacity = 1 });
        await fixture.Reps.UpsertAsync("sdr-1", new RepProfile { Name = "Sam", Pools = ["sdr"], Capacity = 0 });
        var lead = await LeadFactory.SalesReadyAsync(fixture, "any");
        Assert.Equal("sdr-2", lead.OwnerRepId);

        var ended = (await LeadFactory.ActAsync(fixture, lead, SalesActionType.Disqualify)).Lead;

        Assert.Equal(LeadStage.Disqualified, ended.Stage);
        Assert.Null(ended.OwnerRepId);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IRepGrain>("sdr-2").GetAsync())!.OpenLeads);
    }
}
