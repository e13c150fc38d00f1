using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Operations.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LeadGrains.Operations.Tests.Metrics;

/// <summary>
/// The LeadGrains meter is process-wide, so this runs alone (no other host records meanwhile) and
/// reads each series as the difference between a scrape before and a scrape after the scenario.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(MetricsTests.Host host) : IClassFixture<MetricsTests.Host>
{
    public sealed class Host : LeadGrainsApiFactory;

    private readonly HttpClient _client = host.Client();

    [Fact]
    public async Task Metrics_endpoint_shows_the_funnel_of_a_scripted_scenario_in_the_leadgrains_series()
    {
        var pool = $"ops{Guid.NewGuid():N}"[..16];
        await RouteEveryLeadToAsync(pool);
        await PutRepAsync("ops-rep", pool, capacity: 2);
        var before = await ScrapeAsync();

        var graded = await CaptureAsync(title: "VP Sales");
        await ActivityAsync(graded, "pricing_page_view");
        await ActivityAsync(graded, "webinar_attended");
        var handRaiser = await CaptureAsync(title: null);
        await ActivityAsync(handRaiser, "demo_request");
        var waiting = await CaptureAsync(title: null);
        await ActivityAsync(waiting, "demo_request");
        await Eventually.MatchAsync(ScrapeAsync, samples => samples.Value("leadgrains_pool_queue_depth", ("pool", pool)) == 1, "one lead waiting in the pool");
        host.Time.Advance(TimeSpan.FromMinutes(10));
        await SalesActionAsync(graded, "contacted");
        await SalesActionAsync(handRaiser, "reject");
        await Eventually.MatchAsync(ScrapeAsync,
            samples => samples.Value("leadgrains_handoffs_total", ("pool", pool)) >= 3 && samples.Value("leadgrains_pool_queue_depth", ("pool", pool)) == 0,
            "three handoffs and an empty queue");
        // The last lead was handed over at minute 10 with a 15-minute first-touch window: warned at 11¼, breached at 15.
        var slaClock = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ILeadGrain>(waiting);
        host.Time.Advance(TimeSpan.FromMinutes(12));
        await slaClock.WakeAsync();
        await Eventually.MatchAsync(ScrapeAsync, samples => samples.Value("leadgrains_sla_warnings_total", ("pool", pool)) == 1, "an SLA warning");
        host.Time.Advance(TimeSpan.FromMinutes(4));
        await slaClock.WakeAsync();
        var after = await Eventually.MatchAsync(ScrapeAsync,
            samples => samples.Value("leadgrains_sla_breaches_total", ("pool", pool)) == 1 && samples.Value("leadgrains_handoffs_total", ("pool", pool)) >= 4,
            "an SLA breach, after which the lead is handed over again");

        var delta = (string name, (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);
        var expected = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["captured"] = 3,
            ["activities pricing_page_view"] = 1,
            ["activities webinar_attended"] = 1,
            ["activities demo_request"] = 2,
            ["sales-ready normal"] = 1,
            ["sales-ready high"] = 2,
            ["handoffs in the pool, one after the breach"] = 4,
            ["queue depth at the end"] = 0,
            ["sla warnings in the pool"] = 1,
            ["sla breaches in the pool"] = 1,
            ["recycled, rejected"] = 1,
            ["first touches"] = 1,
            ["first touch seconds"] = 600,
            ["first touches within 15 minutes"] = 1,
            ["first touches within 5 minutes"] = 0,
        };
        var actual = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["captured"] = delta("leadgrains_leads_captured_total", []),
            ["activities pricing_page_view"] = delta("leadgrains_activities_total", [("type", "pricing_page_view")]),
            ["activities webinar_attended"] = delta("leadgrains_activities_total", [("type", "webinar_attended")]),
            ["activities demo_request"] = delta("leadgrains_activities_total", [("type", "demo_request")]),
            ["sales-ready normal"] = delta("leadgrains_leads_sales_ready_total", [("priority", "normal")]),
            ["sales-ready high"] = delta("leadgrains_leads_sales_ready_total", [("priority", "high")]),
            ["handoffs in the pool, one after the breach"] = delta("leadgrains_handoffs_total", [("pool", pool)]),
            ["queue depth at the end"] = after.Value("leadgrains_pool_queue_depth", ("pool", pool)),
            ["sla warnings in the pool"] = delta("leadgrains_sla_warnings_total", [("pool", pool)]),
            ["sla breaches in the pool"] = delta("leadgrains_sla_breaches_total", [("pool", pool)]),
            ["recycled, rejected"] = delta("leadgrains_leads_recycled_total", [("reason", "rejected")]),
            ["first touches"] = delta("leadgrains_lead_first_touch_seconds_count", []),
            ["first touch seconds"] = delta("leadgrains_lead_first_touch_seconds_sum", []),
            ["first touches within 15 minutes"] = delta("leadgrains_lead_first_touch_seconds_bucket", [("le", "900")]),
            ["first touches within 5 minutes"] = delta("leadgrains_lead_first_touch_seconds_bucket", [("le", "300")]),
        };
        Assert.Equal(expected, actual);
        Assert.Contains(after, sample => sample.Name.StartsWith("orleans_", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync()
    {
        var response = await host.Client(apiKey: null).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task RouteEveryLeadToAsync(string pool)
    {
        var config = JsonNode.Parse(await _client.GetStringAsync("/api/v1/config"))!;
        config["routing"]!["pools"] = new JsonArray(new JsonObject { ["id"] = pool });
        var response = await _client.PutAsync("/api/v1/config", new StringContent(config.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PutRepAsync(string repId, string pool, int capacity)
    {
        var response = await _client.PutAsync($"/api/v1/reps/{repId}", JsonContent.Create(new { name = "Ops", pools = new[] { pool }, capacity, weight = 1 }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> CaptureAsync(string? title)
    {
        var email = $"lead@acme{Guid.NewGuid():N}.io";
        var response = await _client.PostJsonAsync("/api/v1/leads", new { email, title, employees = 2500, industry = "Software", country = "US" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("leadId").GetString()!;
    }

    private async Task ActivityAsync(string leadId, string type)
    {
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = $"{type}-{Guid.NewGuid():N}", type });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task SalesActionAsync(string leadId, string action)
    {
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/sales-actions", new { eventId = $"{action}-{Guid.NewGuid():N}", action, repId = "ops-rep", reason = "not a fit yet" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
