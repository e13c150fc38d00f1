using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Domain.Tests.Routing;

public sealed class PoolRosterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static RepSnapshot Rep(string id, bool active = true, Availability? availability = null, int open = 0, int capacity = 5, string[]? territories = null, long revision = 0) => new()
    {
        RepId = id, Pools = ["p"], Weight = 1, Capacity = capacity, OpenLeads = open, Active = active,
        Availability = availability ?? Availability.Present, Territories = territories ?? [], Revision = revision,
    };

    private static HandoffRequest Lead(string id = "l", LeadPriority priority = LeadPriority.Normal, string[]? territories = null, string[]? excluded = null) =>
        new(id, priority, territories ?? [], excluded ?? [], "rule");

    [Fact]
    public void Inactive_out_of_office_and_full_reps_are_skipped_with_the_reason()
    {
        var roster = new PoolRoster();
        roster.Upsert("p", Rep("a", active: false));
        roster.Upsert("p", Rep("b", availability: new Availability(false)));
        roster.Upsert("p", Rep("c", open: 5));
        roster.Upsert("p", Rep("d"));

        var choice = roster.Choose(Lead(), Now);

        Assert.Equal("d", choice.Pick!.RepId);
        Assert.Equal([SkipReasons.Inactive, SkipReasons.OutOfOffice, SkipReasons.AtCapacity, null], choice.Candidates.Select(candidate => candidate.Skipped));
    }

    [Fact]
    public void Leave_with_an_end_is_over_once_the_end_has_passed()
    {
        var roster = new PoolRoster();
        roster.Upsert("p", Rep("a", availability: new Availability(false, Now.AddHours(1))));

        Assert.Null(roster.Choose(Lead(), Now.AddMinutes(59)).Pick);
        Assert.Equal("a", roster.Choose(Lead(), Now.AddHours(1)).Pick!.RepId);
        Assert.Equal(Now.AddHours(1), roster.NextReturn(Now));
    }

    [Fact]
    public void Previous_owners_are_skipped_while_anyone_else_is_eligible()
    {
        var roster = new PoolRoster();
        roster.Upsert("p", Rep("a"));
        roster.Upsert("p", Rep("b"));

        Assert.Equal("b", roster.Choose(Lead(excluded: ["a"]), Now).Pick!.RepId);
        // Everyone held it before: someone must still take it.
        Assert.NotNull(roster.Choose(Lead(excluded: ["a", "b"]), Now).Pick);
        roster.Upsert("p", Rep("b", active: false, revision: 1));
        Assert.Equal("a", roster.Choose(Lead(excluded: ["a"]), Now).Pick!.RepId);
    }

    [Fact]
    public void Territory_reps_take_their_territory_and_anyone_takes_a_lead_nobody_covers()
    {
        var roster = new PoolRoster();
        roster.Upsert("p", Rep("emea", territories: ["DE", "FR"]));
        roster.Upsert("p", Rep("amer", territories: ["US"]));

        Assert.Equal("emea", roster.Choose(Lead(territories: ["DE"]), Now).Pick!.RepId);
        Assert.Equal("amer", roster.Choose(Lead(territories: ["us"]), Now).Pick!.RepId);
        Assert.NotNull(roster.Choose(Lead(territories: ["JP"]), Now).Pick);
    }

    [Fact]
    public void Queue_orders_by_priority_then_arrival()
    {
        var roster = new PoolRoster();
        roster.Enqueue(Lead("n1"), Now);
        roster.Enqueue(Lead("h1", LeadPriority.High), Now);
        roster.Enqueue(Lead("n2"), Now);
        roster.Enqueue(Lead("h2", LeadPriority.High), Now);
        roster.Enqueue(Lead("n1"), Now);

        Assert.Equal(["h1", "h2", "n1", "n2"], roster.Queue.Select(entry => entry.Request.LeadId));
        Assert.True(roster.Withdraw("h2"));
        Assert.Equal(2, roster.PositionOf("n1"));
    }

    [Fact]
    public void Older_news_of_a_rep_is_ignored_and_a_rep_that_left_is_removed()
    {
        var roster = new PoolRoster();
        roster.Upsert("p", Rep("a", open: 3, revision: 5));
        roster.Upsert("p", Rep("a", open: 1, revision: 4));

        Assert.Equal(3, roster.Members["a"].Snapshot.OpenLeads);
        roster.Upsert("p", Rep("a", revision: 6) with { Pools = ["other"] });
        Assert.Empty(roster.Members);
    }
}
