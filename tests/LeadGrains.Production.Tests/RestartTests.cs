using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;

namespace LeadGrains.Production.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Leads_reps_and_configuration_survive_a_restart_of_the_silo()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var email = $"ada.{Guid.NewGuid():N}@bigco.com";
        var repId = $"rep-{Guid.NewGuid():N}";
        string leadId;
        long savedVersion;

        await using (var first = new PostgresHostFactory(database, clusterId))
        {
            var client = first.Client();
            var savedRep = await client.PutAsync($"/api/v1/reps/{repId}", JsonContent.Create(new { name = "Grace", pools = (string[])["default"], capacity = 5, weight = 2 }));
            Assert.Equal(HttpStatusCode.OK, savedRep.StatusCode);
            var captured = await client.PostJsonAsync("/api/v1/leads", new { email, title = "VP Engineering", employees = 1200, tags = (string[])["conference"], attributes = new { plan = "trial" } });
            Assert.Equal(HttpStatusCode.Created, captured.StatusCode);
            leadId = (await captured.JsonAsync()).GetProperty("leadId").GetString()!;
            await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "evt-pricing", type = "pricing_page_view" });
            var activity = await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "evt-before-restart", type = "webinar_attended" });
            Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
            Assert.Equal(repId, (await activity.JsonAsync()).GetProperty("lead").GetProperty("ownerRepId").GetString());

            var edited = JsonNode.Parse(await client.GetStringAsync("/api/v1/config"))!;
            edited["scoring"]!["salesReady"]!["threshold"] = 75;
            var saved = await client.PutAsync("/api/v1/config", new StringContent(edited.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            savedVersion = (await saved.JsonAsync()).GetProperty("version").GetInt64();
        }

        await using var second = new PostgresHostFactory(database, clusterId);
        var after = second.Client();

        var lead = await (await after.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Equal(email, lead.GetProperty("email").GetString());
        Assert.Contains("evt-before-restart", lead.TimelineEventIds());
        Assert.Equal(repId, lead.GetProperty("ownerRepId").GetString());
        Assert.Equal("conference", lead.GetProperty("profile").GetProperty("tags")[0].GetString());
        Assert.Equal("trial", lead.GetProperty("profile").GetProperty("attributes").GetProperty("plan").GetString());
        var byEmail = await (await after.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}")).JsonAsync();
        Assert.Equal(leadId, byEmail.GetProperty("leadId").GetString());
        var recaptured = await after.PostJsonAsync("/api/v1/leads", new { email, campaign = "after-restart" });
        Assert.Equal(HttpStatusCode.OK, recaptured.StatusCode);
        Assert.Equal(leadId, (await recaptured.JsonAsync()).GetProperty("leadId").GetString());

        var rep = await (await after.GetAsync($"/api/v1/reps/{repId}")).JsonAsync();
        Assert.Equal("Grace", rep.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(2, rep.GetProperty("profile").GetProperty("weight").GetInt32());
        Assert.Equal([leadId], rep.GetProperty("leadIds").EnumerateArray().Select(id => id.GetString()));

        var config = JsonNode.Parse(await after.GetStringAsync("/api/v1/config"))!;
        Assert.Equal(savedVersion, config["version"]!.GetValue<long>());
        Assert.Equal(75, config["scoring"]!["salesReady"]!["threshold"]!.GetValue<decimal>());
    }
}
