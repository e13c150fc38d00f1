using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadGrains.Abstractions.Sla;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadGrains.Production.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DeadlineRestartTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Open_deadline_survives_a_restart_and_is_acted_on_once()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = $"deadline-{Guid.NewGuid():N}";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        string leadId;
        string firstOwner;

        await using (var first = new PostgresHostFactory(database, clusterId, time: time))
        {
            var client = first.Client();
            var config = JsonNode.Parse(await client.GetStringAsync("/api/v1/config"))!;
            config["sla"]!["firstTouch"]!["high"] = "PT30S";
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/config", new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
            foreach (var rep in new[] { "rep-a", "rep-b" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/reps/{rep}", JsonContent.Create(new { name = rep, pools = (string[])["default"] }))).StatusCode);
            }
            var lead = await (await client.PostJsonAsync("/api/v1/leads", new { email = $"hand.{Guid.NewGuid():N}@acme.io" })).JsonAsync();
            leadId = lead.GetProperty("leadId").GetString()!;
            var ready = await (await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "demo", type = "demo_request" })).JsonAsync();
            firstOwner = ready.GetProperty("lead").GetProperty("ownerRepId").GetString()!;
        }

        // The deadline passes while no silo runs: nothing holds the lead's timer any more.
        time.Advance(TimeSpan.FromMinutes(1));

        await using var second = new PostgresHostFactory(database, clusterId, time: time);
        var after = second.Client();
        var breached = await Eventually.Async(async () => await (await after.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync(),
            view => view.GetProperty("breaches").GetInt32() >= 1, "the restarted cluster to act on the overdue deadline");
        var sweeper = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeadlineSweeperGrain>(IDeadlineSweeperGrain.Key);
        await sweeper.SweepAsync();
        await sweeper.SweepAsync();
        var final = await (await after.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();

        Assert.Equal(1, breached.GetProperty("breaches").GetInt32());
        Assert.Equal(1, final.GetProperty("breaches").GetInt32());
        Assert.Single(final.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("type").GetString() == "sla_breached");
        var owner = final.GetProperty("ownerRepId").GetString();
        Assert.NotNull(owner);
        Assert.NotEqual(firstOwner, owner);
    }
}

internal static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
