using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Configuration;

/// <summary>What-if over HTTP, on a host of its own so that the window holds only the leads scripted here.</summary>
public sealed class SimulateApiTests : IClassFixture<SimulateApiTests.Host>
{
    private readonly Host _host;
    private readonly HttpClient _client;

    public SimulateApiTests(Host host)
    {
        _host = host;
        _client = host.Client();
    }

    public sealed class Host : LeadGrainsApiFactory;

    private async Task<JsonObject> GetConfigAsync() =>
        JsonNode.Parse(await (await _client.GetAsync("/api/v1/config")).Content.ReadAsStringAsync())!.AsObject();

    private async Task<string> CaptureAsync(string name, object? profile = null)
    {
        var body = profile ?? new { email = $"{name}@{name}-corp.com", title = "VP Sales", employees = 2500, industry = "Software", country = "US" };
        var response = await _client.PostJsonAsync("/api/v1/leads", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("leadId").GetString()!;
    }

    private async Task<JsonElement> ActAsync(string leadId, string eventId, string type)
    {
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId, type });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("lead");
    }

    private Task<string> LeadJsonAsync(string leadId) => _client.GetStringAsync($"/api/v1/leads/{leadId}");

    private Task<HttpResponseMessage> SimulateAsync(JsonNode body) =>
        _client.PostAsync("/api/v1/config/simulate", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    private static JsonNode WithThreshold(JsonObject config, int threshold)
    {
        var proposed = config.DeepClone();
        proposed["scoring"]!["salesReady"]!["threshold"] = threshold;
        proposed["version"] = 999; // ignored
        return proposed;
    }

    [Fact]
    public async Task Stricter_threshold_yields_fewer_sales_ready_leads_names_the_ones_that_drop_and_changes_nothing()
    {
        foreach (var rep in new[] { "ann", "bob" })
        {
            var put = await _client.PutAsync($"/api/v1/reps/{rep}", JsonContent.Create(new { name = rep, pools = new[] { "default" }, capacity = 100, weight = 1 }));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        // Fit 55 each under the shipped model; the live bar is 60.
        var borderline = await CaptureAsync("ada");          // + webinar 15 = 70
        var downloads = await CaptureAsync("cy");            // + two downloads 16 = 71
        var strong = await CaptureAsync("bea");              // + webinar and two forms = 90
        var handRaiser = await CaptureAsync("dee");          // demo request: fast-tracked
        var student = await CaptureAsync("eve", new { email = "eve@gmail.com", title = "Student" });
        var ada = await ActAsync(borderline, "ada-w", "webinar_attended");
        await ActAsync(downloads, "cy-d1", "content_download");
        await ActAsync(downloads, "cy-d2", "content_download");
        await ActAsync(downloads, "cy-d2", "content_download"); // a duplicate, recorded once
        await ActAsync(strong, "bea-w", "webinar_attended");
        await ActAsync(strong, "bea-f1", "form_submit");
        await ActAsync(strong, "bea-f2", "form_submit");
        await ActAsync(handRaiser, "dee-d", "demo_request");
        await ActAsync(student, "eve-p", "page_view");
        var owner = ada.GetProperty("ownerRepId").GetString()!;
        foreach (var (eventId, action, amount) in new[] { ("ada-c", "contacted", (decimal?)null), ("ada-won", "won", 5_000m) })
        {
            var acted = await _client.PostJsonAsync($"/api/v1/leads/{borderline}/sales-actions", new { eventId, action, repId = owner, amount });
            Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
        }
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var config = await GetConfigAsync();
        var before = new[] { await LeadJsonAsync(borderline), await LeadJsonAsync(downloads) };

        var response = await SimulateAsync(new JsonObject { ["config"] = WithThreshold(config, 80) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(5, report.GetProperty("leadsReplayed").GetInt32());
        Assert.Equal(4, report.GetProperty("live").GetProperty("salesReady").GetInt32());
        Assert.Equal(2, report.GetProperty("proposed").GetProperty("salesReady").GetInt32());
        var dropped = report.GetProperty("dropped");
        Assert.Equal(2, dropped.GetProperty("count").GetInt32());
        Assert.Equal(new[] { borderline, downloads }.Order(StringComparer.Ordinal), Ids(dropped).Order(StringComparer.Ordinal));
        var adaExample = dropped.GetProperty("examples").EnumerateArray().Single(lead => lead.GetProperty("leadId").GetString() == borderline);
        Assert.Equal("ada@ada-corp.com", adaExample.GetProperty("email").GetString());
        Assert.Equal(70m, adaExample.GetProperty("liveScore").GetProperty("total").GetDecimal());
        Assert.Equal("won", adaExample.GetProperty("actual").GetProperty("result").GetString());
        Assert.Equal(0, report.GetProperty("added").GetProperty("count").GetInt32());
        var droppedOutcomes = report.GetProperty("outcomes").GetProperty("dropped");
        Assert.Equal((2, 1, 5_000m, 1), (droppedOutcomes.GetProperty("count").GetInt32(), droppedOutcomes.GetProperty("won").GetInt32(),
            droppedOutcomes.GetProperty("revenue").GetDecimal(), droppedOutcomes.GetProperty("open").GetInt32()));
        var livePool = Assert.Single(report.GetProperty("live").GetProperty("routing").GetProperty("pools").EnumerateArray());
        Assert.Equal(("default", 4), (livePool.GetProperty("poolId").GetString(), livePool.GetProperty("leads").GetInt32()));
        Assert.Equal(["ann", "bob"], livePool.GetProperty("reps").EnumerateArray().Select(rep => rep.GetProperty("repId").GetString()!));
        Assert.Equal(2, report.GetProperty("proposed").GetProperty("sla").EnumerateArray().Sum(rep => rep.GetProperty("leads").GetInt32()));

        // Nothing live moved: the configuration and the dropped leads read exactly as before.
        Assert.Equal(config.ToJsonString(), (await GetConfigAsync()).ToJsonString());
        Assert.Equal(before, new[] { await LeadJsonAsync(borderline), await LeadJsonAsync(downloads) });
    }

    private static string[] Ids(JsonElement changes) =>
        [.. changes.GetProperty("examples").EnumerateArray().Select(lead => lead.GetProperty("leadId").GetString()!)];

    [Fact]
    public async Task Invalid_proposal_or_window_is_a_400_naming_each_path_and_changes_nothing()
    {
        var config = await GetConfigAsync();
        var invalid = WithThreshold(config, 1_000_000);
        invalid["sla"]!["maxBreaches"] = 0;
        var typo = config.DeepClone();
        typo["scoring"]!["salesReady"]!["treshold"] = 10;
        var now = _host.Time.GetUtcNow();

        var semantic = await (await SimulateAsync(new JsonObject { ["config"] = invalid })).AssertProblemAsync(400);
        var unknown = await (await SimulateAsync(new JsonObject { ["config"] = typo })).AssertProblemAsync(400);
        var window = await (await SimulateAsync(new JsonObject
        {
            ["config"] = config.DeepClone(), ["from"] = now.ToString("O"), ["to"] = now.AddDays(-1).ToString("O"),
        })).AssertProblemAsync(400);
        var missing = await (await SimulateAsync(new JsonObject { ["from"] = "yesterday" })).AssertProblemAsync(400);

        Assert.Equal(["config.scoring.salesReady.threshold", "config.sla.maxBreaches"], semantic.ErrorPaths().Order(StringComparer.Ordinal));
        Assert.Contains("$.config.scoring.salesReady.treshold", unknown.ErrorPaths());
        Assert.Equal(["to"], window.ErrorPaths());
        Assert.Equal(["config", "from"], missing.ErrorPaths().Order(StringComparer.Ordinal));
        Assert.Equal(config.ToJsonString(), (await GetConfigAsync()).ToJsonString());
    }

    [Fact]
    public async Task Simulate_is_in_the_openapi_document()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/config/simulate", out var path));
        Assert.True(path.TryGetProperty("post", out _));
    }
}
