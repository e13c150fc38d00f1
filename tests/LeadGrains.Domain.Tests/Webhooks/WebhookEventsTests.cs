using System.Text;
using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Routing;
using LeadGrains.Domain.Sla;
using LeadGrains.Domain.Webhooks;

namespace LeadGrains.Domain.Tests.Webhooks;

public sealed class WebhookEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<string> EventsOf(LeadChange change) => change.Entries.SelectMany(WebhookEvents.For);

    [Fact]
    public void A_change_lists_the_entries_it_recorded_and_they_map_to_events_in_order()
    {
        var lead = new Lead();
        var captured = lead.Capture("lead-1", new LeadProfile { Email = "a@acme.io" }, null, DefaultConfig.Scoring, Now);
        var ready = lead.RecordActivity(new ActivityRecord("demo", ActivityTypes.DemoRequest, Now), DefaultConfig.Scoring, Now);
        var routed = lead.Assign("p", "alice", false, new RoutingExplanation { Outcome = RoutingOutcomes.Assigned, PoolId = "p" },
            FirstTouchClock.Start(lead.Priority, new SlaConfig(), Now), new LeadChange(lead));
        var returned = lead.ApplySalesAction(new SalesActionRecord("s-1", SalesActionType.ReturnToMarketing, "alice", "not now", null, Now), Now);

        Assert.Equal([WebhookEvents.StageChanged], EventsOf(captured));
        Assert.Equal([WebhookEvents.SalesReady, WebhookEvents.StageChanged], EventsOf(ready));
        Assert.Equal([WebhookEvents.Assigned, WebhookEvents.StageChanged], EventsOf(routed));
        Assert.Equal([WebhookEvents.Recycled, WebhookEvents.StageChanged], EventsOf(returned.Change));
    }

    [Theory]
    [InlineData(TimelineTypes.SlaWarning, WebhookEvents.SlaWarning)]
    [InlineData(TimelineTypes.SlaBreached, WebhookEvents.SlaBreached)]
    [InlineData(TimelineTypes.Reassigned, WebhookEvents.Reassigned)]
    public void Service_level_and_reassignment_entries_raise_their_events(string type, string expected) =>
        Assert.Equal([expected], WebhookEvents.For(new TimelineEntry { Type = type }));

    [Fact]
    public void Closing_raises_closed_and_engagement_raises_nothing()
    {
        Assert.Equal([WebhookEvents.Closed, WebhookEvents.StageChanged],
            WebhookEvents.For(new TimelineEntry { Type = TimelineTypes.StageChanged, From = LeadStage.Working, To = LeadStage.Won }));
        Assert.Empty(WebhookEvents.For(new TimelineEntry { Type = TimelineTypes.Activity }));
    }

    [Fact]
    public void A_signature_verifies_only_with_the_same_secret_body_and_a_recent_time()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var header = WebhookSignature.Sign(body, "secret", Now);

        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(header, body, "secret", Now.AddMinutes(4)));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(header, body, "other", Now));
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(header, Encoding.UTF8.GetBytes("{\"a\":2}"), "secret", Now));
        Assert.Equal(SignatureCheck.OutsideWindow, WebhookSignature.Verify(header, body, "secret", Now.AddMinutes(6)));
        Assert.Equal(SignatureCheck.Malformed, WebhookSignature.Verify("v1=00", body, "secret", Now));
        Assert.Equal(SignatureCheck.Missing, WebhookSignature.Verify(null, body, "secret", Now));
    }
}
