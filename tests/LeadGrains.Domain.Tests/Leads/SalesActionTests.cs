using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;

namespace LeadGrains.Domain.Tests.Leads;

public sealed class SalesActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly RoutingExplanation Routed = new() { Outcome = RoutingOutcomes.Assigned, PoolId = "p" };

    private static Lead AssignedTo(string repId, bool bySdr = false)
    {
        var lead = new Lead();
        lead.Capture("lead-1", new LeadProfile { Email = "a@acme.io" }, null, DefaultConfig.Scoring, Now);
        lead.RecordActivity(new ActivityRecord("demo", ActivityTypes.DemoRequest, Now), DefaultConfig.Scoring, Now);
        lead.Assign("p", repId, bySdr, Routed, FirstTouchClock.Start(lead.Priority, new SlaConfig(), Now), new LeadChange(lead));
        return lead;
    }

    private static SalesActionRecord Action(SalesActionType action, string repId = "alice", string eventId = "s-1", string? reason = null, decimal? amount = null) =>
        new(eventId, action, repId, reason, amount, Now);

    [Fact]
    public void Action_by_a_rep_who_does_not_own_the_lead_is_refused_and_changes_nothing()
    {
        var lead = AssignedTo("alice");
        var timeline = lead.Timeline.Count;

        var outcome = lead.ApplySalesAction(Action(SalesActionType.Contacted, repId: "mallory"), Now);

        Assert.Equal(SalesActionResult.NotOwner, outcome.Result);
        Assert.Equal((LeadStage.Assigned, timeline), (lead.Stage, lead.Timeline.Count));
        Assert.DoesNotContain("s-1", lead.SeenEventIds);
    }

    [Fact]
    public void Contacted_moves_to_working_and_records_first_touch()
    {
        var lead = AssignedTo("alice");

        lead.ApplySalesAction(Action(SalesActionType.Contacted), Now.AddMinutes(3));

        Assert.Equal(LeadStage.Working, lead.Stage);
        Assert.Equal(Now.AddMinutes(3), lead.FirstTouchAt);
    }

    [Fact]
    public void Won_closes_with_the_amount_and_frees_the_rep()
    {
        var lead = AssignedTo("alice");
        lead.ApplySalesAction(Action(SalesActionType.Opportunity, eventId: "o"), Now);

        var outcome = lead.ApplySalesAction(Action(SalesActionType.Won, eventId: "w", amount: 42_000), Now);

        Assert.Equal(("alice", LeadStage.Won, 42_000m), (outcome.ReleasedRepId, lead.Stage, lead.WonAmount!.Value));
        Assert.Null(lead.OwnerRepId);
    }

    [Fact]
    public void Reject_recycles_to_nurturing_with_the_reason_and_keeps_history()
    {
        var lead = AssignedTo("alice");

        var outcome = lead.ApplySalesAction(Action(SalesActionType.Reject, reason: "not our market"), Now);

        Assert.Equal("alice", outcome.ReleasedRepId);
        Assert.Equal(LeadStage.Nurturing, lead.Stage);
        Assert.Equal(RecycleReasons.Rejected, lead.Timeline[^1].Reason);
        Assert.Equal(1, lead.RecycleCount);
        Assert.Contains("alice", lead.PreviousOwners);
        Assert.False(lead.NeedsRouting);
    }

    [Fact]
    public void Repeated_event_id_is_acknowledged_once()
    {
        var lead = AssignedTo("alice");
        lead.ApplySalesAction(Action(SalesActionType.Contacted), Now);

        var again = lead.ApplySalesAction(Action(SalesActionType.Contacted), Now);

        Assert.Equal(SalesActionResult.Duplicate, again.Result);
    }

    [Fact]
    public void Action_that_does_not_apply_to_the_stage_is_refused()
    {
        var lead = AssignedTo("alice");

        Assert.Equal(SalesActionResult.NotAllowed, lead.ApplySalesAction(Action(SalesActionType.Qualify), Now).Result);
        Assert.Equal(LeadStage.Assigned, lead.Stage);
    }

    [Fact]
    public void Qualify_by_the_sdr_sends_the_lead_on_to_the_account_executives()
    {
        var lead = AssignedTo("sam", bySdr: true);
        Assert.Equal(LeadStage.Qualifying, lead.Stage);

        var outcome = lead.ApplySalesAction(Action(SalesActionType.Qualify, repId: "sam"), Now);

        Assert.Equal("sam", outcome.ReleasedRepId);
        Assert.True(lead.Qualified);
        Assert.True(lead.NeedsRouting);
    }

    [Fact]
    public void A_recycled_lead_with_an_old_demo_request_needs_new_engagement_to_return()
    {
        var lead = AssignedTo("alice");
        lead.ApplySalesAction(Action(SalesActionType.ReturnToMarketing, reason: "no budget"), Now);

        lead.RecordActivity(new ActivityRecord("view", ActivityTypes.PageView, Now.AddDays(1)), DefaultConfig.Scoring, Now.AddDays(1));
        Assert.Equal(LeadStage.Nurturing, lead.Stage);

        lead.RecordActivity(new ActivityRecord("demo-2", ActivityTypes.DemoRequest, Now.AddDays(2)), DefaultConfig.Scoring, Now.AddDays(2));
        Assert.Equal(LeadStage.SalesReady, lead.Stage);
        Assert.True(lead.NeedsRouting);
    }
}
