using LeadGrains.Abstractions.Reports;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reports;

namespace LeadGrains.Grains.Tests.Reports;

[Collection(ClusterCollection.Name)]
public sealed class ReportGrainTests(ClusterFixture fixture)
{
    private static readonly ReportDims Webinar = new("webinar", "spring", "", "");

    private static Dictionary<ReportDims, ReportCounters> OneCapture()
    {
        var counters = new ReportCounters();
        ReportCounters.Add(counters.Reached, LeadStage.Captured);
        return new() { [Webinar] = counters };
    }

    [Fact]
    public async Task A_batch_resent_after_a_lost_answer_is_counted_once()
    {
        var day = new DateOnly(2031, 1, 1);
        var grain = fixture.Grains.GetGrain<IReportDayGrain>(IReportDayGrain.Key(day));

        await grain.AddAsync("silo-a", 1, OneCapture());
        await grain.AddAsync("silo-a", 1, OneCapture());
        await grain.AddAsync("silo-b", 1, OneCapture());
        await grain.AddAsync("silo-a", 2, OneCapture());

        var buckets = await grain.ReadAsync(new ReportFilter(day, day, Source: "webinar"));
        Assert.Equal(3, Assert.Single(buckets).Counters.ReachedCount(LeadStage.Captured));
        Assert.Empty(await grain.ReadAsync(new ReportFilter(day, day, Source: "organic")));
    }

    [Fact]
    public async Task Current_leads_net_out_moves_between_slots()
    {
        var grain = fixture.Grains.GetGrain<ICurrentLeadsGrain>($"test-{Guid.NewGuid():N}");
        var nurturing = new ReportSlot(LeadStage.Nurturing, Webinar);
        var assigned = new ReportSlot(LeadStage.Assigned, Webinar with { Pool = "p", Rep = "alice" });

        await grain.AddAsync("silo-a", 1, new() { [nurturing] = 2 });
        await grain.AddAsync("silo-a", 2, new() { [nurturing] = -1, [assigned] = 1 });
        await grain.AddAsync("silo-a", 2, new() { [nurturing] = -1, [assigned] = 1 });

        Assert.Equal(new Dictionary<ReportSlot, long> { [nurturing] = 1, [assigned] = 1 }, await grain.ReadAsync());
    }
}
