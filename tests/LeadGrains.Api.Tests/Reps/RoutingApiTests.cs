using System.Net;
using System.Net.Http.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Reps;

/// <summary>Reps, sales actions and routing preview over HTTP, on the shipped configuration (one catch-all pool, <c>default</c>).</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutingApiTests(LeadGrainsApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    private async Task<string> SalesReadyLeadAsync()
    {
        var lead = await (await _client.PostJsonAsync("/api/v1/leads", new { email = $"{Unique("lead")}@acme{Guid.NewGuid():N}.io" })).JsonAsync();
        var leadId = lead.GetProperty("leadId").GetString()!;
        await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "demo", type = "demo_request" });
        return leadId;
    }

    [Fact]
    public async Task Rep_profile_round_trips_with_open_leads_and_availability()
    {
        var repId = Unique("rep");

        // A pool of its own: in "default" the rep would at once be given leads other tests left waiting.
        var put = await _client.PutAsync($"/api/v1/reps/{repId}", JsonContent.Create(new { name = "Ada", email = "ada@corp.example", pools = new[] { Unique("pool") }, capacity = 3, weight = 2, territories = new[] { "US" } }));
        var away = await _client.PutAsync($"/api/v1/reps/{repId}/availability", JsonContent.Create(new { available = false, until = factory.Time.GetUtcNow().AddDays(3) }));
        var rep = await (await _client.GetAsync($"/api/v1/reps/{repId}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        Assert.Equal(2, rep.GetProperty("profile").GetProperty("weight").GetInt32());
        Assert.Equal(0, rep.GetProperty("openLeads").GetInt32());
        Assert.False(rep.GetProperty("available").GetBoolean());
    }

    [Theory]
    [InlineData("""{"pools":["default"]}""", "name")]
    [InlineData("""{"name":"A","pools":[]}""", "pools")]
    [InlineData("""{"name":"A","pools":["bad pool"]}""", "pools[0]")]
    [InlineData("""{"name":"A","pools":["default"],"capacity":-1}""", "capacity")]
    [InlineData("""{"name":"A","pools":["default"],"weight":0}""", "weight")]
    public async Task Invalid_rep_is_a_400_and_creates_nothing(string body, string field)
    {
        var repId = Unique("bad");

        var response = await _client.PutAsync($"/api/v1/reps/{repId}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.AssertProblemAsync(400)).ErrorPaths());
        await (await _client.GetAsync($"/api/v1/reps/{repId}")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Action_from_a_rep_who_does_not_own_the_lead_is_a_409_and_changes_nothing()
    {
        var owner = Unique("own");
        var put = await _client.PutAsync($"/api/v1/reps/{owner}", JsonContent.Create(new { name = "Owner", pools = new[] { "default" }, capacity = 10_000, weight = 1_000 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var leadId = await SalesReadyLeadAsync();
        var before = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        var holder = before.GetProperty("ownerRepId").GetString();
        Assert.True(holder is not null, before.ToString());

        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/sales-actions", new { eventId = "x", action = "won", repId = "someone-else", amount = 10 });

        await response.AssertProblemAsync(409);
        var after = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Equal(before.GetProperty("stage").GetString(), after.GetProperty("stage").GetString());
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());

        var contactedResponse = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/sales-actions", new { eventId = "c", action = "contacted", repId = holder });
        var contacted = await contactedResponse.JsonAsync();
        Assert.True(contactedResponse.IsSuccessStatusCode, contacted.ToString());
        Assert.Equal("working", contacted.GetProperty("lead").GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("""{"action":"won","repId":"r","amount":1}""", "eventId")]
    [InlineData("""{"eventId":"e","action":"teleport","repId":"r"}""", "action")]
    [InlineData("""{"eventId":"e","action":"won","repId":"r"}""", "amount")]
    [InlineData("""{"eventId":"e","action":"reject","repId":"r"}""", "reason")]
    [InlineData("""{"eventId":"e","action":"won","repId":"r","amount":-5}""", "amount")]
    public async Task Invalid_sales_action_is_a_400(string body, string field)
    {
        var leadId = await SalesReadyLeadAsync();

        var response = await _client.PostRawAsync($"/api/v1/leads/{leadId}/sales-actions", body);

        Assert.Contains(field, (await response.AssertProblemAsync(400)).ErrorPaths());
    }

    [Fact]
    public async Task Preview_by_attributes_explains_the_pool_and_candidates_and_changes_nothing()
    {
        var repId = Unique("pv");
        await _client.PutAsync($"/api/v1/reps/{repId}", JsonContent.Create(new { name = "P", pools = new[] { "default" }, capacity = 0 }));

        var response = await _client.PostJsonAsync("/api/v1/routing/preview", new { lead = new { email = "who@where.io", country = "US" } });

        var preview = await response.JsonAsync();
        Assert.Equal("default", preview.GetProperty("poolId").GetString());
        Assert.Contains(preview.GetProperty("candidates").EnumerateArray(), candidate =>
            candidate.GetProperty("repId").GetString() == repId && candidate.GetProperty("skipped").GetString() == "at_capacity");
        await (await _client.GetAsync("/api/v1/leads?email=who@where.io")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Preview_of_an_unknown_lead_is_a_404()
    {
        await (await _client.PostJsonAsync("/api/v1/routing/preview", new { leadId = Guid.NewGuid().ToString("N") })).AssertProblemAsync(404);
    }
}
