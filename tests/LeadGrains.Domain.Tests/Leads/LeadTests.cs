using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Tests.Leads;

public sealed class LeadTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScoringModel Model = DefaultConfig.Scoring;

    private static readonly LeadProfile GoodFit = new()
    {
        Email = "ada@bigco.com", Title = "VP of Engineering", Employees = 2500, Industry = "Software", Country = "US", Source = "webinar",
    };

    private static Lead Captured(LeadProfile? profile = null)
    {
        var lead = new Lead();
        lead.Capture("lead-1", profile ?? GoodFit, null, Model, Now);
        return lead;
    }

    [Fact]
    public void Capture_creates_the_lead_and_puts_it_in_nurturing_below_the_grade()
    {
        var lead = new Lead();

        var change = lead.Capture("lead-1", GoodFit, null, Model, Now);

        Assert.Equal(ChangeOutcome.Created, change.Outcome);
        Assert.Equal(LeadStage.Nurturing, lead.Stage);
        Assert.Collection(lead.Timeline,
            entry => Assert.Equal((TimelineTypes.Captured, LeadStage.Captured), (entry.Type, entry.To!.Value)),
            entry => Assert.Equal((LeadStage.Captured, LeadStage.Nurturing, "below_threshold", "scoring"), (entry.From!.Value, entry.To!.Value, entry.Reason, entry.Actor)));
    }

    [Fact]
    public void Recapture_with_nothing_new_changes_nothing()
    {
        var lead = Captured();
        var timeline = lead.Timeline.Count;

        var change = lead.Capture("lead-1", GoodFit, null, Model, Now.AddMinutes(1));

        Assert.Equal(ChangeOutcome.Unchanged, change.Outcome);
        Assert.Equal(timeline, lead.Timeline.Count);
    }

    [Fact]
    public void Recapture_merges_new_attributes_and_keeps_known_ones()
    {
        var lead = Captured();

        lead.Capture("lead-1", new LeadProfile { Email = GoodFit.Email, Region = "emea", Tags = ["partner"] }, null, Model, Now);

        Assert.Equal("VP of Engineering", lead.Profile.Title);
        Assert.Equal("emea", lead.Profile.Region);
        Assert.Equal(["partner"], lead.Profile.Tags);
        Assert.Equal(TimelineTypes.Updated, lead.Timeline[^1].Type);
    }

    [Fact]
    public void Repeated_event_id_does_not_change_score_or_history()
    {
        var lead = Captured();
        lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.PricingPageView, Now), Model, Now);
        var score = lead.ScoreAt(Model, Now);
        var timeline = lead.Timeline.Count;

        var change = lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.DemoRequest, Now), Model, Now);

        Assert.Equal(ChangeOutcome.Duplicate, change.Outcome);
        Assert.False(change.Changed);
        Assert.Equal(score.Total, lead.ScoreAt(Model, Now).Total);
        Assert.Single(lead.Activities);
        Assert.Equal(timeline, lead.Timeline.Count);
    }

    [Fact]
    public void Demo_request_fast_tracks_to_sales_ready_with_high_priority()
    {
        var lead = Captured(new LeadProfile { Email = "someone@acme.io" });

        var change = lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.DemoRequest, Now), Model, Now);

        Assert.Equal(LeadStage.SalesReady, lead.Stage);
        Assert.Equal(LeadPriority.High, lead.Priority);
        var moved = Assert.Single(change.StageChanges);
        Assert.Equal(new StageChange(LeadStage.Nurturing, LeadStage.SalesReady, "fast_track:demo_request"), moved);
    }

    [Fact]
    public void Engagement_over_the_grade_makes_a_good_fit_sales_ready_with_normal_priority()
    {
        var lead = Captured();

        lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.WebinarAttended, Now), Model, Now);

        Assert.Equal(LeadStage.SalesReady, lead.Stage);
        Assert.Equal(LeadPriority.Normal, lead.Priority);
        Assert.Equal(SalesReadyPolicy.ByGrade, lead.Timeline[^1].Reason);
    }

    [Fact]
    public void Disqualifying_domain_disqualifies_at_capture()
    {
        var model = Model with { Disqualify = Model.Disqualify with { Domains = ["rival.com"] } };
        var lead = new Lead();

        lead.Capture("lead-1", GoodFit with { Email = "spy@rival.com" }, null, model, Now);

        Assert.Equal(LeadStage.Disqualified, lead.Stage);
        Assert.Equal("competitor_domain", lead.Timeline[^1].Reason);
    }

    [Fact]
    public void Hard_bounce_disqualifies_and_later_engagement_does_not_revive()
    {
        var lead = Captured();

        lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.HardBounce, Now), Model, Now);
        lead.RecordActivity(new ActivityRecord("e-2", ActivityTypes.DemoRequest, Now), Model, Now);

        Assert.Equal(LeadStage.Disqualified, lead.Stage);
    }

    [Fact]
    public void Every_stage_change_is_on_the_timeline_with_time_cause_and_actor()
    {
        var lead = Captured();
        lead.RecordActivity(new ActivityRecord("e-1", ActivityTypes.DemoRequest, Now), Model, Now.AddMinutes(5));

        var changes = lead.Timeline.Where(entry => entry.Type == TimelineTypes.StageChanged).ToList();

        Assert.Equal([LeadStage.Nurturing, LeadStage.SalesReady], changes.Select(entry => entry.To!.Value));
        Assert.All(changes, entry => Assert.False(string.IsNullOrEmpty(entry.Reason) || string.IsNullOrEmpty(entry.Actor)));
        Assert.Equal(Now.AddMinutes(5), changes[^1].At);
    }
}
