using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;
using Npgsql;

namespace LeadGrains.Production.Tests;

/// <summary>
/// Two clusters with one ServiceId on one database give a lead two live activations, the worst case of a
/// split brain: each writes with the ETag it last saw, so the second writer's ETag is stale.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EtagConflictTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Writes_from_two_activations_of_one_lead_are_all_kept()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var serviceId = $"split-{Guid.NewGuid():N}";
        await using var left = new PostgresHostFactory(database, $"left-{Guid.NewGuid():N}", serviceId);
        await using var right = new PostgresHostFactory(database, $"right-{Guid.NewGuid():N}", serviceId);
        var viaLeft = left.Client();
        var viaRight = right.Client();
        var captured = await viaLeft.PostJsonAsync("/api/v1/leads", new { email = $"split.{Guid.NewGuid():N}@bigco.com" });
        var leadId = (await captured.JsonAsync()).GetProperty("leadId").GetString()!;

        async Task RecordAsync(HttpClient client, string eventId)
        {
            var response = await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId, type = "page_view" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await RecordAsync(viaLeft, "left-1");
        await RecordAsync(viaRight, "right-1");
        await RecordAsync(viaLeft, "left-2");
        await RecordAsync(viaRight, "right-2");

        var lead = await (await viaRight.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Equal(["left-1", "left-2", "right-1", "right-2"], lead.TimelineEventIds().Order(StringComparer.Ordinal));
        Assert.Equal([5], await StoredLeadVersionsAsync(database));
    }

    /// <summary>The capture and four activities: five writes to the one lead row, none of them lost.</summary>
    private static async Task<List<int>> StoredLeadVersionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT Version FROM OrleansStorage WHERE GrainTypeString = 'lead'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }
}
