using LeadGrains.Abstractions.Reps;
using LeadGrains.Abstractions.Routing;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Grains.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class HandoffTests(ClusterFixture fixture)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..24];

    private Task<RepView> RepAsync(string repId, string pool, int weight = 1, int capacity = 10_000, string[]? territories = null) =>
        fixture.Reps.UpsertAsync(repId, new RepProfile { Name = repId, Pools = [pool], Weight = weight, Capacity = capacity, Territories = territories ?? [] });

    [Fact]
    public async Task Thousand_leads_made_sales_ready_concurrently_are_spread_by_weight()
    {
        var reps = new[] { (Id: Unique("w1"), Weight: 1), (Id: Unique("w2"), Weight: 2), (Id: Unique("w3"), Weight: 3), (Id: Unique("w4"), Weight: 4) };
        foreach (var (id, weight) in reps)
        {
            await RepAsync(id, "spread", weight);
        }

        var leads = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => LeadFactory.SalesReadyAsync(fixture, "spread")));

        Assert.All(leads, lead => Assert.Equal(LeadStage.Assigned, lead.Stage));
        foreach (var (id, weight) in reps)
        {
            var owned = leads.Count(lead => lead.OwnerRepId == id);
            Assert.InRange(owned, (100 * weight) - 1, (100 * weight) + 1);
            Assert.Equal(owned, (await fixture.Grains.GetGrain<IRepGrain>(id).GetAsync())!.OpenLeads);
        }
    }

    [Fact]
    public async Task No_lead_has_two_owners_and_open_leads_match_owners_after_concurrent_churn()
    {
        var reps = Enumerable.Range(0, 5).Select(i => Unique($"c{i}")).ToArray();
        foreach (var rep in reps)
        {
            await RepAsync(rep, "churn", capacity: 4);
        }
        var leads = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => LeadFactory.SalesReadyAsync(fixture, "churn", high: i % 3 == 0)));

        // Close, reject and return what was assigned while one rep is on leave and another goes and comes back.
        await fixture.Reps.SetAvailabilityAsync(reps[0], new Availability(false));
        var churn = leads.Where(lead => lead.OwnerRepId is not null).Select((lead, i) => (i % 4) switch
        {
            0 => LeadFactory.ActAsync(fixture, lead, SalesActionType.Won, amount: 1_000),
            1 => LeadFactory.ActAsync(fixture, lead, SalesActionType.Reject),
            2 => LeadFactory.ActAsync(fixture, lead, SalesActionType.ReturnToMarketing),
            _ => LeadFactory.ActAsync(fixture, lead, SalesActionType.Contacted),
        }).Cast<Task>().ToList();
        churn.Add(fixture.Reps.SetAvailabilityAsync(reps[1], new Availability(false)).ContinueWith(_ => fixture.Reps.SetAvailabilityAsync(reps[1], Availability.Present)).Unwrap());
        await Task.WhenAll(churn);

        await LeadFactory.EventuallyAsync(() => OwnershipAsync(reps, leads), view => view.Consistent, "rep holdings to match lead owners");
        var final = await OwnershipAsync(reps, leads);
        Assert.All(final.Holdings, holding => Assert.True(holding.Value.Count <= 4, $"{holding.Key} holds {holding.Value.Count} leads, capacity 4"));
        Assert.Empty(final.Holdings[reps[0]].Except(final.AssignedBefore[reps[0]]));
    }

    private async Task<(bool Consistent, Dictionary<string, List<string>> Holdings, Dictionary<string, List<string>> AssignedBefore)> OwnershipAsync(string[] reps, LeadView[] leads)
    {
        var holdings = new Dictionary<string, List<string>>();
        foreach (var rep in reps)
        {
            holdings[rep] = [.. (await fixture.Grains.GetGrain<IRepGrain>(rep).GetAsync())!.LeadIds];
        }
        var current = await Task.WhenAll(leads.Select(lead => LeadFactory.GetAsync(fixture, lead.LeadId)));
        var owners = current.Where(lead => lead!.OwnerRepId is not null).GroupBy(lead => lead!.OwnerRepId!)
            .ToDictionary(group => group.Key, group => group.Select(lead => lead!.LeadId).Order().ToList());
        var heldTwice = holdings.Values.SelectMany(ids => ids).GroupBy(id => id).Any(group => group.Count() > 1);
        var consistent = !heldTwice && reps.All(rep =>
            holdings[rep].Order().SequenceEqual(owners.GetValueOrDefault(rep) ?? []));
        var before = reps.ToDictionary(rep => rep, rep => leads.Where(lead => lead.OwnerRepId == rep).Select(lead => lead.LeadId).ToList());
        return (consistent, holdings, before);
    }

    [Fact]
    public async Task Queue_drains_in_priority_then_arrival_order_when_capacity_frees()
    {
        var rep = Unique("q");
        await RepAsync(rep, "queue", capacity: 1);
        var first = await LeadFactory.SalesReadyAsync(fixture, "queue");
        var normal1 = await LeadFactory.SalesReadyAsync(fixture, "queue");
        var high1 = await LeadFactory.SalesReadyAsync(fixture, "queue", high: true);
        var normal2 = await LeadFactory.SalesReadyAsync(fixture, "queue");
        var high2 = await LeadFactory.SalesReadyAsync(fixture, "queue", high: true);
        Assert.Equal(rep, first.OwnerRepId);
        Assert.All([normal1, high1, normal2, high2], lead => Assert.Equal((LeadStage.SalesReady, (string?)null), (lead.Stage, lead.OwnerRepId)));

        var served = new List<string>();
        var holder = first;
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await LeadFactory.ActAsync(fixture, holder, SalesActionType.Won, amount: 10);
            var waiting = new[] { normal1, high1, normal2, high2 }.Where(lead => !served.Contains(lead.LeadId)).ToList();
            holder = await LeadFactory.EventuallyAsync(
                async () => (await Task.WhenAll(waiting.Select(lead => LeadFactory.GetAsync(fixture, lead.LeadId)))).FirstOrDefault(lead => lead!.OwnerRepId == rep),
                lead => lead is not null, "the next queued lead to be assigned");
            served.Add(holder!.LeadId);
        }

        Assert.Equal([high1.LeadId, high2.LeadId, normal1.LeadId, normal2.LeadId], served);
    }

    [Fact]
    public async Task Account_owner_gets_the_accounts_next_lead_unless_out_of_office()
    {
        var reps = new[] { Unique("a1"), Unique("a2") };
        foreach (var rep in reps)
        {
            await RepAsync(rep, "account");
        }
        var domain = $"acct{Guid.NewGuid():N}.com";

        var first = await LeadFactory.SalesReadyAsync(fixture, "account", domain: domain);
        var owner = first.OwnerRepId!;
        var other = reps.Single(rep => rep != owner);
        await RepAsync(Unique("a3"), "account");
        var second = await LeadFactory.SalesReadyAsync(fixture, "account", domain: domain);
        await fixture.Reps.SetAvailabilityAsync(owner, new Availability(false));
        var third = await LeadFactory.SalesReadyAsync(fixture, "account", domain: domain);

        Assert.Equal(owner, second.OwnerRepId);
        Assert.Contains(second.Timeline, entry => entry.Routing?.Outcome == RoutingOutcomes.AccountMatch);
        Assert.NotEqual(owner, third.OwnerRepId);
        Assert.NotNull(third.OwnerRepId);
        Assert.Contains(third.Timeline, entry => entry.Routing?.Candidates.Any(candidate => candidate.RepId == owner && candidate.Skipped == SkipReasons.OutOfOffice) == true);
        _ = other;
    }

    [Fact]
    public async Task Out_of_office_rep_is_skipped_until_their_leave_ends()
    {
        var away = Unique("away");
        var here = Unique("here");
        await RepAsync(away, "leave");
        await RepAsync(here, "leave");
        await fixture.Reps.SetAvailabilityAsync(away, new Availability(false, fixture.Time.GetUtcNow().AddHours(1)));

        var during = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LeadFactory.SalesReadyAsync(fixture, "leave")));
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var after = new[] { await LeadFactory.SalesReadyAsync(fixture, "leave"), await LeadFactory.SalesReadyAsync(fixture, "leave") };

        Assert.All(during, lead => Assert.Equal(here, lead.OwnerRepId));
        Assert.Contains(after, lead => lead.OwnerRepId == away);
    }

    [Fact]
    public async Task Queued_lead_is_assigned_when_the_only_reps_leave_ends()
    {
        var rep = Unique("lq");
        await RepAsync(rep, "leave-queue");
        await fixture.Reps.SetAvailabilityAsync(rep, new Availability(false, fixture.Time.GetUtcNow().AddMinutes(30)));
        var waiting = await LeadFactory.SalesReadyAsync(fixture, "leave-queue");
        Assert.Null(waiting.OwnerRepId);

        fixture.Time.Advance(TimeSpan.FromMinutes(30));

        var assigned = await LeadFactory.EventuallyAsync(() => LeadFactory.GetAsync(fixture, waiting.LeadId), lead => lead!.OwnerRepId is not null, "the leave to end");
        Assert.Equal((rep, LeadStage.Assigned), (assigned!.OwnerRepId, assigned.Stage));
    }

    [Fact]
    public async Task Preview_answers_where_a_queued_lead_would_go_and_changes_nothing()
    {
        var rep = Unique("pv");
        await RepAsync(rep, "preview", capacity: 0);
        var lead = await LeadFactory.SalesReadyAsync(fixture, "preview");
        var poolBefore = await fixture.Grains.GetGrain<IPoolGrain>("preview").GetAsync();
        await RepAsync(rep, "preview", capacity: 0);

        var preview = await fixture.Grains.GetGrain<Abstractions.Leads.ILeadGrain>(lead.LeadId).PreviewRoutingAsync();

        Assert.Equal(RoutingOutcomes.Queued, preview!.Outcome);
        Assert.Contains(preview.Candidates, candidate => candidate.RepId == rep && candidate.Skipped == SkipReasons.AtCapacity);
        var leadAfter = await LeadFactory.GetAsync(fixture, lead.LeadId);
        Assert.Equal(lead.Timeline.Count, leadAfter!.Timeline.Count);
        Assert.Equal(poolBefore.Queue.Count, (await fixture.Grains.GetGrain<IPoolGrain>("preview").GetAsync()).Queue.Count);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IRepGrain>(rep).GetAsync())!.OpenLeads);
    }
}
