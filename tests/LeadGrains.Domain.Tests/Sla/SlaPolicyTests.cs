using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;

namespace LeadGrains.Domain.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly SlaConfig Sla = new()
    {
        FirstTouch = new FirstTouchSla { High = TimeSpan.FromMinutes(15), Normal = TimeSpan.FromHours(4) },
        WarningFraction = 0.8,
        MaxBreaches = 2,
        OnExhausted = ExhaustedAction.Queue,
        Stall = new Dictionary<string, TimeSpan> { ["assigned"] = TimeSpan.FromDays(2), ["working"] = TimeSpan.FromDays(14) },
    };

    private static Lead Assigned(LeadPriority priority = LeadPriority.High, SlaConfig? sla = null)
    {
        var lead = new Lead();
        lead.Capture("lead-1", new LeadProfile { Email = "a@acme.io" }, null, DefaultConfig.Scoring, Now);
        lead.RecordActivity(new ActivityRecord("demo", ActivityTypes.DemoRequest, Now), DefaultConfig.Scoring, Now);
        lead.Priority = priority;
        lead.Assign("pool", "alice", false, new RoutingExplanation(), FirstTouchClock.Start(priority, sla ?? Sla, Now), new LeadChange(lead));
        return lead;
    }

    [Fact]
    public void Breach_is_due_exactly_at_the_deadline_and_not_one_tick_before()
    {
        var lead = Assigned();
        lead.FirstTouch = lead.FirstTouch! with { Warned = true };

        Assert.Equal(SlaAction.None, SlaPolicy.Decide(lead, Sla, Now.AddMinutes(15) - Tick).Action);
        Assert.Equal(SlaAction.Breach, SlaPolicy.Decide(lead, Sla, Now.AddMinutes(15)).Action);
        Assert.Equal(Now.AddMinutes(15), SlaPolicy.NextDeadline(lead, Sla));
    }

    [Fact]
    public void Warning_is_due_at_the_configured_fraction_of_the_window()
    {
        var lead = Assigned(LeadPriority.Normal);

        Assert.Equal(Now.AddHours(4 * 0.8), lead.FirstTouch!.WarnAt);
        Assert.Equal(SlaAction.None, SlaPolicy.Decide(lead, Sla, Now.AddHours(3.2) - Tick).Action);
        Assert.Equal(SlaAction.Warn, SlaPolicy.Decide(lead, Sla, Now.AddHours(3.2)).Action);
    }

    [Fact]
    public void Contact_one_tick_before_the_deadline_stops_the_clock()
    {
        var lead = Assigned();

        lead.ApplySalesAction(new SalesActionRecord("c", SalesActionType.Contacted, "alice", null, null, Now), Now.AddMinutes(15) - Tick);

        Assert.Null(lead.FirstTouch);
        Assert.Equal(SlaAction.None, SlaPolicy.Decide(lead, Sla, Now.AddMinutes(15)).Action);
        Assert.Equal(SlaAction.None, SlaPolicy.Decide(lead, Sla, Now.AddDays(1)).Action);
    }

    [Fact]
    public void Breach_releases_the_owner_and_asks_for_another_rep()
    {
        var lead = Assigned();

        var outcome = lead.ApplyDueDeadlines(Sla, "boss@acme.io", Now.AddMinutes(15));

        Assert.Equal(("alice", 1, LeadStage.SalesReady), (outcome.ReleasedRepId, lead.Breaches, lead.Stage));
        Assert.True(lead.NeedsRouting);
        Assert.Contains("alice", lead.PreviousOwners);
        Assert.Contains(lead.Timeline, entry => entry.Type == TimelineTypes.Escalated && entry.Detail == "to boss@acme.io");
    }

    [Fact]
    public void Acting_twice_on_the_same_deadline_breaches_once()
    {
        var lead = Assigned();

        lead.ApplyDueDeadlines(Sla, null, Now.AddMinutes(15));
        var again = lead.ApplyDueDeadlines(Sla, null, Now.AddMinutes(16));

        Assert.Equal(SlaAction.None, again.Decision.Action);
        Assert.Equal(1, lead.Breaches);
    }

    [Theory]
    [InlineData(ExhaustedAction.Queue, LeadStage.SalesReady, 0)]
    [InlineData(ExhaustedAction.Recycle, LeadStage.Nurturing, 1)]
    public void Exhausted_breaches_go_back_to_the_queue_or_to_marketing_as_configured(ExhaustedAction onExhausted, LeadStage stage, int recycles)
    {
        var sla = Sla with { MaxBreaches = 1, OnExhausted = onExhausted };
        var lead = Assigned(sla: sla);

        var outcome = lead.ApplyDueDeadlines(sla, null, Now.AddMinutes(15));

        Assert.Equal(SlaAction.Exhausted, outcome.Decision.Action);
        Assert.Equal((stage, recycles, (string?)null), (lead.Stage, lead.RecycleCount, lead.OwnerRepId));
        Assert.Equal(RecycleReasons.SlaExhausted, lead.Timeline.Last(entry => entry.Type == TimelineTypes.StageChanged).Reason);
    }

    [Theory]
    [InlineData("assigned", 2)]
    [InlineData("working", 14)]
    public void Stalled_lead_is_recycled_with_reason_stalled_per_stage(string stage, int days)
    {
        var lead = Assigned();
        lead.FirstTouch = null;
        if (stage == "working")
        {
            lead.ApplySalesAction(new SalesActionRecord("c", SalesActionType.Contacted, "alice", null, null, Now), Now);
        }

        Assert.Equal(SlaAction.None, SlaPolicy.Decide(lead, Sla, Now.AddDays(days) - Tick).Action);
        var outcome = lead.ApplyDueDeadlines(Sla, null, Now.AddDays(days));

        Assert.Equal(SlaAction.Stall, outcome.Decision.Action);
        Assert.Equal((LeadStage.Nurturing, RecycleReasons.Stalled, "alice"), (lead.Stage, lead.Timeline[^1].Reason, outcome.ReleasedRepId));
    }

    [Fact]
    public void Sales_activity_pushes_the_stall_deadline_back()
    {
        var lead = Assigned();
        lead.ApplySalesAction(new SalesActionRecord("c", SalesActionType.Contacted, "alice", null, null, Now), Now);
        lead.ApplySalesAction(new SalesActionRecord("c2", SalesActionType.Contacted, "alice", null, null, Now), Now.AddDays(10));

        Assert.Equal(Now.AddDays(24), SlaPolicy.StallDueAt(lead, Sla));
    }

    [Fact]
    public void Running_clock_keeps_its_deadline_when_the_configuration_changes()
    {
        var lead = Assigned();
        var stricter = Sla with { FirstTouch = new FirstTouchSla { High = TimeSpan.FromMinutes(1), Normal = TimeSpan.FromMinutes(1) } };

        Assert.Equal(Now.AddMinutes(15), lead.SlaDueAt);
        Assert.NotEqual(SlaAction.Breach, SlaPolicy.Decide(lead, stricter, Now.AddMinutes(5)).Action);
    }
}
