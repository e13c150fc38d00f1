using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Simulation;
using LeadGrains.Host.Storage;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;
using Npgsql;

namespace LeadGrains.Production.Tests;

/// <summary>The event log in <c>leadgrains_events</c>: written before a change is acknowledged, read back lead by lead.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EventLogTests(PostgresServerFixture postgres)
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_acknowledged_change_is_in_the_table_and_nothing_else_is()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var host = new PostgresHostFactory(database, $"events-{Guid.NewGuid():N}");
        var client = host.Client();
        var email = $"log.{Guid.NewGuid():N}@bigco.com";

        var captured = await client.PostJsonAsync("/api/v1/leads", new { email, title = "VP Sales" });
        var leadId = (await captured.JsonAsync()).GetProperty("leadId").GetString()!;
        Assert.Equal([("capture", null)], await RowsAsync(database, leadId));

        var activity = await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "e-1", type = "page_view" });
        Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
        Assert.Equal([("capture", null), ("activity", "e-1")], await RowsAsync(database, leadId));

        // A duplicate, a capture that says nothing new and a refused sales action change nothing, so none is recorded.
        await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "e-1", type = "page_view" });
        await client.PostJsonAsync("/api/v1/leads", new { email, title = "VP Sales" });
        var refused = await client.PostJsonAsync($"/api/v1/leads/{leadId}/sales-actions", new { eventId = "s-1", action = "won", repId = "nobody", amount = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal([("capture", null), ("activity", "e-1")], await RowsAsync(database, leadId));
    }

    [Fact]
    public async Task Reader_returns_each_active_lead_whole_grouped_in_order_and_deduped()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var log = new PostgresEventLog(dataSource);
        var profile = new LeadProfile { Email = "ada@bigco.com", Title = "VP Sales", Tags = ["vip"], Attributes = new Dictionary<string, string> { ["plan"] = "pro" } };
        var early = LeadEvent.Of("a", new ActivityRecord("a-0", ActivityTypes.PageView, Day.AddDays(-40)));
        var webinar = LeadEvent.Of("a", new ActivityRecord("a-1", ActivityTypes.WebinarAttended, Day.AddHours(1)));
        var won = LeadEvent.Of("a", new SalesActionRecord("a-2", SalesActionType.Won, "ann", "signed", 1_200.50m, Day.AddDays(2)));
        await log.AppendAsync(LeadEvent.Capture("a", profile, Day.AddDays(-41), Day));
        await log.AppendAsync(early);
        await log.AppendAsync(webinar);
        await log.AppendAsync(webinar); // an ETag re-apply records it again
        await log.AppendAsync(won);
        await log.AppendAsync(LeadEvent.Capture("quiet", profile, Day.AddDays(-60), Day));
        await log.AppendAsync(LeadEvent.Of("late", new ActivityRecord("l-1", ActivityTypes.PageView, Day.AddDays(40))));

        var histories = new List<LeadHistory>();
        await foreach (var history in log.ReadAsync(Day.AddDays(-30), Day.AddDays(30)))
        {
            histories.Add(history);
        }

        var a = Assert.Single(histories);
        Assert.Equal("a", a.LeadId);
        Assert.Equal(["capture", "activity", "activity", "sales_action"], a.Events.Select(e => e.Kind));
        Assert.Equal(profile.Attributes["plan"], a.Events[0].Profile!.Attributes["plan"]);
        Assert.Equal(["vip"], a.Events[0].Profile!.Tags);
        Assert.Equal(Day.AddDays(-41), a.Events[0].CapturedAt);
        Assert.Equal(early.Activity, a.Events[1].Activity);
        Assert.Equal(webinar.Activity, a.Events[2].Activity);
        Assert.Equal(won.SalesAction, a.Events[3].SalesAction);
    }

    [Fact]
    public async Task Concurrent_appends_share_inserts()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var log = new PostgresEventLog(dataSource);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            log.AppendAsync(LeadEvent.Of($"lead-{i % 50}", new ActivityRecord($"e-{i}", ActivityTypes.PageView, Day.AddMinutes(i))))));

        Assert.Equal(500L, await CountAsync(database));
        Assert.InRange(log.Batches, 1, 499);
    }

    private static async Task<List<(string Kind, string? EventId)>> RowsAsync(string database, string leadId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT kind, payload->>'eventId' FROM leadgrains_events WHERE lead_id = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = leadId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        return rows;
    }

    private static async Task<long> CountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM leadgrains_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
