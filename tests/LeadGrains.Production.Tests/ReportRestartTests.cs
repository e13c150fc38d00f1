using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;

namespace LeadGrains.Production.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReportRestartTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Report_counts_are_stored_without_a_read_and_survive_a_restart()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = $"reports-{Guid.NewGuid():N}";
        var source = $"src-{Guid.NewGuid():N}";

        await using (var first = new PostgresHostFactory(database, clusterId))
        {
            var client = first.Client();
            for (var i = 0; i < 3; i++)
            {
                var captured = await client.PostJsonAsync("/api/v1/leads", new { email = $"lead{i}.{Guid.NewGuid():N}@bigco.com", source });
                Assert.Equal(HttpStatusCode.Created, captured.StatusCode);
            }
            // No report is read here: the feed stores what it gathered on its own, every second and as the silo stops.
        }

        await using var second = new PostgresHostFactory(database, clusterId);
        var funnel = await (await second.Client().GetAsync($"/api/v1/reports/funnel?source={source}")).JsonAsync();

        var captured3 = funnel.GetProperty("data").GetProperty("stages")[0];
        Assert.Equal(("captured", 3L), (captured3.GetProperty("stage").GetString(), captured3.GetProperty("reached").GetInt64()));
    }
}
