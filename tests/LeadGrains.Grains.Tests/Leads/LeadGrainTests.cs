using LeadGrains.Abstractions.Leads;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Grains.Tests.Leads;

[Collection(ClusterCollection.Name)]
public sealed class LeadGrainTests(ClusterFixture fixture)
{
    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    private static LeadProfile GoodFit(string email) => new()
    {
        Email = email, Title = "VP Sales", Employees = 2500, Industry = "Software", Country = "US",
    };

    [Fact]
    public async Task Same_email_in_another_case_and_with_whitespace_is_the_same_lead()
    {
        var email = UniqueEmail("ada");

        var first = await fixture.Intake.CaptureAsync(GoodFit(email), null);
        var second = await fixture.Intake.CaptureAsync(new LeadProfile { Email = $"  {email.ToUpperInvariant()} ", Region = "emea" }, null);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Lead.LeadId, second.Lead.LeadId);
        Assert.Equal("emea", second.Lead.Profile.Region);
        Assert.Equal("VP Sales", second.Lead.Profile.Title);
    }

    [Fact]
    public async Task Same_crm_id_is_the_same_lead_even_with_a_new_email()
    {
        var crmId = $"crm-{Guid.NewGuid():N}";
        var first = await fixture.Intake.CaptureAsync(GoodFit(UniqueEmail("old")) with { CrmId = crmId }, null);

        var newEmail = UniqueEmail("new");
        var second = await fixture.Intake.CaptureAsync(new LeadProfile { Email = newEmail, CrmId = crmId }, null);

        Assert.Equal(first.Lead.LeadId, second.Lead.LeadId);
        Assert.Equal(newEmail, second.Lead.Email);
        Assert.Equal(first.Lead.LeadId, await fixture.Intake.FindByEmailAsync(newEmail));
    }

    [Fact]
    public async Task Different_emails_are_different_leads()
    {
        var a = await fixture.Intake.CaptureAsync(GoodFit(UniqueEmail("a")), null);
        var b = await fixture.Intake.CaptureAsync(GoodFit(UniqueEmail("b")), null);

        Assert.NotEqual(a.Lead.LeadId, b.Lead.LeadId);
    }

    [Fact]
    public async Task Repeated_event_id_is_acknowledged_and_changes_nothing()
    {
        var lead = (await fixture.Intake.CaptureAsync(GoodFit(UniqueEmail("dup")), null)).Lead;
        var grain = fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId);
        var now = fixture.Time.GetUtcNow();

        var first = await grain.RecordActivityAsync(new ActivityRecord("evt-1", ActivityTypes.PricingPageView, now));
        var again = await grain.RecordActivityAsync(new ActivityRecord("evt-1", ActivityTypes.PricingPageView, now));

        Assert.False(first!.Duplicate);
        Assert.True(again!.Duplicate);
        Assert.Equal(first.Lead.Score.Total, again.Lead.Score.Total);
        Assert.Equal(first.Lead.UpdatedAt, again.Lead.UpdatedAt);
        Assert.Single((await grain.GetAsync())!.Timeline, entry => entry.EventId == "evt-1");
    }

    [Fact]
    public async Task Demo_request_makes_the_lead_sales_ready_with_high_priority()
    {
        var lead = (await fixture.Intake.CaptureAsync(new LeadProfile { Email = UniqueEmail("hand") }, null)).Lead;

        var result = await fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId)
            .RecordActivityAsync(new ActivityRecord("demo-1", ActivityTypes.DemoRequest, fixture.Time.GetUtcNow()));

        Assert.Equal(LeadStage.SalesReady, result!.Lead.Stage);
        Assert.Equal(LeadPriority.High, result.Lead.Priority);
    }

    [Fact]
    public async Task Score_read_later_reflects_decay_without_any_batch()
    {
        var lead = (await fixture.Intake.CaptureAsync(GoodFit(UniqueEmail("decay")), null)).Lead;
        var grain = fixture.Grains.GetGrain<ILeadGrain>(lead.LeadId);
        var occurred = fixture.Time.GetUtcNow() - TimeSpan.FromDays(14);

        var now = (await grain.RecordActivityAsync(new ActivityRecord("w-1", ActivityTypes.WebinarAttended, occurred)))!.Lead.Score;

        Assert.Equal(7.5m, now.Engagement);
    }

    [Fact]
    public async Task Activity_for_an_unknown_lead_changes_nothing()
    {
        var grain = fixture.Grains.GetGrain<ILeadGrain>(Guid.NewGuid().ToString("N"));

        Assert.Null(await grain.RecordActivityAsync(new ActivityRecord("x", ActivityTypes.PageView, fixture.Time.GetUtcNow())));
        Assert.Null(await grain.GetAsync());
    }
}
