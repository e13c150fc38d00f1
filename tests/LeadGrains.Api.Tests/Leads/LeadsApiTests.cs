using System.Net;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Leads;

[Collection(ApiCollection.Name)]
public sealed class LeadsApiTests(LeadGrainsApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    private async Task<string> CaptureAsync(string email)
    {
        var response = await _client.PostJsonAsync("/api/v1/leads", new { email, title = "VP Sales", employees = 2500, industry = "Software", country = "US" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("leadId").GetString()!;
    }

    [Fact]
    public async Task Capture_returns_201_with_location_then_200_for_the_same_lead()
    {
        var email = UniqueEmail("ada");

        var created = await _client.PostJsonAsync("/api/v1/leads", new { email, source = "webinar" });
        var again = await _client.PostJsonAsync("/api/v1/leads", new { email = email.ToUpperInvariant(), campaign = "spring" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lead = await created.JsonAsync();
        Assert.Equal($"/api/v1/leads/{lead.GetProperty("leadId").GetString()}", created.Headers.Location?.OriginalString);
        Assert.Equal("nurturing", lead.GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var merged = await again.JsonAsync();
        Assert.Equal(lead.GetProperty("leadId").GetString(), merged.GetProperty("leadId").GetString());
        Assert.Equal("spring", merged.GetProperty("profile").GetProperty("campaign").GetString());
    }

    [Fact]
    public async Task Lead_is_found_by_id_and_by_email()
    {
        var email = UniqueEmail("find");
        var leadId = await CaptureAsync(email);

        var byId = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        var byEmail = await (await _client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(" " + email.ToUpperInvariant())}")).JsonAsync();

        Assert.Equal(email, byId.GetProperty("email").GetString());
        Assert.Equal(leadId, byEmail.GetProperty("leadId").GetString());
        Assert.True(byId.GetProperty("score").GetProperty("fit").GetDecimal() > 0);
    }

    [Fact]
    public async Task Engagement_makes_a_good_fit_sales_ready_with_an_explanation_that_sums_to_the_score()
    {
        var leadId = await CaptureAsync(UniqueEmail("ready"));

        await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "e-1", type = "pricing_page_view" });
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "e-2", type = "webinar_attended" });

        var result = await response.JsonAsync();
        var lead = result.GetProperty("lead");
        Assert.False(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal("sales_ready", lead.GetProperty("stage").GetString());
        Assert.Equal("normal", lead.GetProperty("priority").GetString());
        var score = lead.GetProperty("score");
        var sum = score.GetProperty("explanation").EnumerateArray().Sum(line => line.GetProperty("points").GetDecimal());
        Assert.Equal(score.GetProperty("total").GetDecimal(), sum);
        // The activity answers with the lead's summary; its timeline is on the lead view.
        Assert.False(lead.TryGetProperty("timeline", out _));
        var view = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Contains(view.GetProperty("timeline").EnumerateArray(), entry =>
            entry.GetProperty("type").GetString() == "stage_changed" && entry.GetProperty("to").GetString() == "sales_ready"
            && entry.GetProperty("actor").GetString() == "scoring");
    }

    [Fact]
    public async Task Repeated_event_id_is_acknowledged_and_changes_nothing()
    {
        var leadId = await CaptureAsync(UniqueEmail("dup"));
        var first = await (await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "same", type = "email_click" })).JsonAsync();

        var second = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "same", type = "demo_request" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var repeated = await second.JsonAsync();
        Assert.True(repeated.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("lead").GetProperty("score").GetProperty("total").GetDecimal(),
            repeated.GetProperty("lead").GetProperty("score").GetProperty("total").GetDecimal());
        Assert.Equal("nurturing", repeated.GetProperty("lead").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Demo_request_fast_tracks_to_sales_ready_with_high_priority()
    {
        var response = await _client.PostJsonAsync("/api/v1/leads", new { email = UniqueEmail("hand") });
        var leadId = (await response.JsonAsync()).GetProperty("leadId").GetString();

        var lead = (await (await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "d-1", type = "demo_request" })).JsonAsync()).GetProperty("lead");

        Assert.Equal("sales_ready", lead.GetProperty("stage").GetString());
        Assert.Equal("high", lead.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Unknown_lead_is_a_404_problem()
    {
        await (await _client.GetAsync($"/api/v1/leads/{Guid.NewGuid():N}")).AssertProblemAsync(404);
        await (await _client.GetAsync("/api/v1/leads/not-a-lead-id")).AssertProblemAsync(404);
        await (await _client.GetAsync($"/api/v1/leads?email={UniqueEmail("nobody")}")).AssertProblemAsync(404);
        await (await _client.PostJsonAsync($"/api/v1/leads/{Guid.NewGuid():N}/activities", new { eventId = "x", type = "page_view" })).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        await (await _client.GetAsync("/api/v1/nothing-here")).AssertProblemAsync(404);
    }
}
