using LeadGrains.Abstractions.Leads;
using LeadGrains.Abstractions.Reps;
using LeadGrains.Abstractions.Sla;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Grains.Tests.Routing;

namespace LeadGrains.Grains.Tests.Sla;

/// <summary>A cluster of its own: these tests move its clock and set short service levels for every lead in it.</summary>
public sealed class SlaClusterFixture : ClusterFixture
{
    public static readonly SlaConfig Sla = new()
    {
        FirstTouch = new FirstTouchSla { High = TimeSpan.FromSeconds(30), Normal = TimeSpan.FromMinutes(2) },
        WarningFraction = 0.5,
        MaxBreaches = 2,
        OnExhausted = ExhaustedAction.Recycle,
        Stall = new Dictionary<string, TimeSpan> { ["working"] = TimeSpan.FromHours(1), ["opportunity"] = TimeSpan.FromDays(30) },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ConfigureAsync(config => config with { Sla = Sla });
    }
}

public sealed class SlaTests(SlaClusterFixture fixture) : IClassFixture<SlaClusterFixture>
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..24];

    private async Task<string[]> RepsAsync(string pool, int count)
    {
        var reps = Enumerable.Range(0, count).Select(i => Unique($"{pool}{i}")).ToArray();
        foreach (var rep in reps)
        {
            await fixture.Reps.UpsertAsync(rep, new RepProfile { Name = rep, Pools = [pool] });
        }
        return reps;
    }

    private Task<LeadView?> ReadAsync(string leadId) => LeadFactory.GetAsync(fixture, leadId);

    [Fact]
    public async Task Breach_happens_at_the_deadline_not_a_tick_before_and_reassigns_to_someone_new()
    {
        var reps = await RepsAsync("sla", 3);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "sla", high: true);
        var first = lead.OwnerRepId!;
        Assert.Equal(lead.CapturedAt.AddSeconds(30), lead.SlaDueAt);

        fixture.Time.Advance(TimeSpan.FromSeconds(15));
        var warned = await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Timeline.Any(entry => entry.Type == TimelineTypes.SlaWarning), "the warning");
        fixture.Time.Advance(TimeSpan.FromSeconds(15) - Tick);
        var before = await ReadAsync(lead.LeadId);
        fixture.Time.Advance(Tick);
        var after = await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Breaches == 1, "the breach");

        Assert.Equal((0, first), (before!.Breaches, before.OwnerRepId));
        Assert.Equal(0, warned!.Breaches);
        Assert.NotEqual(first, after!.OwnerRepId);
        Assert.Contains(after.OwnerRepId, reps);
        Assert.Equal(LeadStage.Assigned, after.Stage);
        Assert.Contains(after.Timeline, entry => entry.Type == TimelineTypes.Escalated && entry.Detail == "to manager.sla@example.com");
        Assert.Contains(after.Timeline, entry => entry.Type == TimelineTypes.Reassigned);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IRepGrain>(first).GetAsync())!.OpenLeads);
    }

    [Fact]
    public async Task Contact_one_tick_before_the_deadline_means_no_breach()
    {
        await RepsAsync("sla-contact", 2);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "sla-contact", high: true);

        fixture.Time.Advance(TimeSpan.FromSeconds(30) - Tick);
        await LeadFactory.ActAsync(fixture, lead, SalesActionType.Contacted);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var view = await ReadAsync(lead.LeadId);
        Assert.Equal((0, LeadStage.Working, lead.OwnerRepId, (DateTimeOffset?)null), (view!.Breaches, view.Stage, view.OwnerRepId, view.SlaDueAt));
        Assert.DoesNotContain(view.Timeline, entry => entry.Type == TimelineTypes.SlaBreached);
    }

    [Fact]
    public async Task After_max_breaches_the_lead_is_recycled_as_configured()
    {
        await RepsAsync("sla-exhaust", 2);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "sla-exhaust", high: true);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Breaches == 1 && view.OwnerRepId is not null, "the first breach");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var recycled = await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Stage == LeadStage.Nurturing, "the recycle");

        Assert.Equal((2, 1, (string?)null), (recycled!.Breaches, recycled.RecycleCount, recycled.OwnerRepId));
        Assert.Equal(RecycleReasons.SlaExhausted, recycled.Timeline.Last(entry => entry.Type == TimelineTypes.StageChanged).Reason);
    }

    [Fact]
    public async Task Stalled_working_lead_is_recycled_and_new_engagement_routes_it_afresh()
    {
        var reps = await RepsAsync("stall", 2);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "stall");
        await LeadFactory.ActAsync(fixture, lead, SalesActionType.Contacted);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var stalled = await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Stage == LeadStage.Nurturing, "the stall recycle");
        Assert.Equal(RecycleReasons.Stalled, stalled!.Timeline.Last(entry => entry.Type == TimelineTypes.StageChanged).Reason);
        Assert.Null(stalled.OwnerRepId);

        var again = (await fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId)
            .RecordActivityAsync(new ActivityRecord("demo-again", ActivityTypes.DemoRequest, fixture.Time.GetUtcNow())))!.Lead;

        Assert.Equal(LeadStage.Assigned, again.Stage);
        Assert.Contains(again.OwnerRepId, reps);
        Assert.NotEqual(lead.OwnerRepId, again.OwnerRepId);
    }

    [Fact]
    public async Task Deadline_of_a_lead_that_is_not_active_is_acted_on_once_by_the_sweeper()
    {
        await RepsAsync("sla-sweep", 2);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "sla-sweep", high: true);
        // Drop every idle activation, the lead's timer with it: only the durable deadline record is left.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var sweeper = fixture.Grains.GetGrain<IDeadlineSweeperGrain>(IDeadlineSweeperGrain.Key);
        Assert.True(await sweeper.SweepAsync() >= 1);
        var breached = await LeadFactory.EventuallyAsync(() => ReadAsync(lead.LeadId), view => view!.Breaches >= 1, "the sweeper to wake the lead");
        await sweeper.SweepAsync();
        await sweeper.SweepAsync();

        var final = await ReadAsync(lead.LeadId);
        Assert.Equal(1, breached!.Breaches);
        Assert.Equal(1, final!.Breaches);
        Assert.Single(final.Timeline, entry => entry.Type == TimelineTypes.SlaBreached);
    }
}
