using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Configuration;

/// <summary>Its own host, because these tests change the live configuration.</summary>
public sealed class ConfigApiTests : IClassFixture<ConfigApiTests.Host>
{
    private readonly HttpClient _client;

    public ConfigApiTests(Host host) => _client = host.Client();

    public sealed class Host : LeadGrainsApiFactory;

    private async Task<JsonObject> GetConfigAsync() =>
        JsonNode.Parse(await (await _client.GetAsync("/api/v1/config")).Content.ReadAsStringAsync())!.AsObject();

    private Task<HttpResponseMessage> PutAsync(JsonNode config) =>
        _client.PutAsync("/api/v1/config", new StringContent(config.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Default_model_ships_with_iso_durations_and_a_version()
    {
        var config = await GetConfigAsync();

        Assert.True(config["version"]!.GetValue<long>() >= 1);
        Assert.Equal("P14D", config["scoring"]!["halfLife"]!.GetValue<string>());
        Assert.Equal("PT15M", config["sla"]!["firstTouch"]!["high"]!.GetValue<string>());
        Assert.Equal("queue", config["sla"]!["onExhausted"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_config_is_a_400_naming_each_path_and_changes_nothing()
    {
        var config = await GetConfigAsync();
        var proposed = config.DeepClone();
        proposed["scoring"]!["salesReady"]!["threshold"] = 1_000_000;
        proposed["scoring"]!["fastTrack"] = new JsonArray("telepathy");
        proposed["sla"]!["maxBreaches"] = 0;

        var response = await PutAsync(proposed);

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal(["scoring.fastTrack[0]", "scoring.salesReady.threshold", "sla.maxBreaches"], problem.ErrorPaths().Order(StringComparer.Ordinal));
        Assert.Equal(config.ToJsonString(), (await GetConfigAsync()).ToJsonString());
    }

    [Fact]
    public async Task Unknown_member_and_bad_duration_are_400s_with_their_path()
    {
        var config = await GetConfigAsync();
        var typo = config.DeepClone();
        typo["scoring"]!["salesReady"]!["treshold"] = 10;
        var duration = config.DeepClone();
        duration["sla"]!["firstTouch"]!["high"] = "fifteen minutes";

        var typoProblem = await (await PutAsync(typo)).AssertProblemAsync(400);
        var durationProblem = await (await PutAsync(duration)).AssertProblemAsync(400);

        Assert.Contains("$.scoring.salesReady.treshold", typoProblem.ErrorPaths());
        Assert.Contains("$.sla.firstTouch.high", durationProblem.ErrorPaths());
    }

    [Fact]
    public async Task Stale_version_is_a_409_and_changes_nothing()
    {
        var config = await GetConfigAsync();
        var stale = config.DeepClone();
        stale["version"] = config["version"]!.GetValue<long>() - 1;
        stale["scoring"]!["salesReady"]!["threshold"] = 1;

        var response = await PutAsync(stale);

        await response.AssertProblemAsync(409);
        Assert.Equal(config.ToJsonString(), (await GetConfigAsync()).ToJsonString());
    }

    [Fact]
    public async Task Saved_config_gets_the_next_version_and_scores_the_next_event()
    {
        var config = await GetConfigAsync();
        var proposed = config.DeepClone();
        proposed["scoring"]!["activities"]!["podcast_listen"] = new JsonObject { ["points"] = 40, ["dailyCap"] = 40 };

        var response = await PutAsync(proposed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.JsonAsync();
        Assert.Equal(config["version"]!.GetValue<long>() + 1, saved.GetProperty("version").GetInt64());
        var lead = await (await _client.PostJsonAsync("/api/v1/leads", new { email = $"pod.{Guid.NewGuid():N}@bigco.com", title = "VP Sales", employees = 5000 })).JsonAsync();
        var scored = await (await _client.PostJsonAsync($"/api/v1/leads/{lead.GetProperty("leadId").GetString()}/activities", new { eventId = "p-1", type = "podcast_listen" })).JsonAsync();
        Assert.Equal(40m, scored.GetProperty("lead").GetProperty("score").GetProperty("engagement").GetDecimal());
        Assert.Equal(JsonValueKind.Object, saved.GetProperty("scoring").ValueKind);
    }

    [Fact]
    public async Task Config_needs_the_whole_document()
    {
        var response = await _client.PutAsync("/api/v1/config", new StringContent("""{"version":1}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains("scoring", problem.ErrorPaths());
    }
}
