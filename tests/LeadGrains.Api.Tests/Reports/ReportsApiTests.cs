using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Reports;

/// <summary>Every figure of every report for the scripted day of <see cref="ReportScenario"/>, asserted exactly.</summary>
public sealed class ReportsApiTests(ReportScenario scenario) : IClassFixture<ReportScenario>
{
    private static JsonElement.ArrayEnumerator Items(JsonElement array) => array.EnumerateArray();

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    [Fact]
    public async Task Funnel_counts_how_far_the_day_cohort_got_and_names_the_bottleneck()
    {
        var funnel = await scenario.ReportAsync("funnel");

        var stages = Items(funnel.GetProperty("stages")).Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("reached").GetInt64(), Number(s.GetProperty("conversionToNext")))).ToList();
        Assert.Equal(
            [("captured", 7L, 1.0), ("nurturing", 7L, 0.5714), ("sales_ready", 4L, 1.0), ("assigned", 4L, 0.75), ("working", 3L, 0.6667), ("opportunity", 2L, 1.0), ("won", 2L, (double?)null)],
            stages);
        var offPath = Items(funnel.GetProperty("offPath")).ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("reached").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["qualifying"] = 0, ["lost"] = 1, ["disqualified"] = 1 }, offPath);
        Assert.Equal("""{"rejected":1}""", funnel.GetProperty("recycled").GetRawText());
        Assert.Equal("{}", funnel.GetProperty("stalls").GetRawText());
        var bottleneck = funnel.GetProperty("bottleneck");
        Assert.Equal(("nurturing", "sales_ready", 0.5714, 0), (bottleneck.GetProperty("stage").GetString(), bottleneck.GetProperty("next").GetString(), bottleneck.GetProperty("conversion").GetDouble(), bottleneck.GetProperty("stalls").GetInt32()));
    }

    [Fact]
    public async Task Funnel_filtered_by_source_counts_only_that_source()
    {
        var funnel = await scenario.ReportAsync("funnel", "&source=webinar");

        Assert.Equal([2L, 2, 2, 2, 2, 2, 2], Items(funnel.GetProperty("stages")).Select(s => s.GetProperty("reached").GetInt64()));
    }

    [Fact]
    public async Task Velocity_gives_median_and_p90_time_in_each_stage_left_that_day()
    {
        var velocity = await scenario.ReportAsync("velocity");

        var stages = Items(velocity.GetProperty("stages")).Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("left").GetInt64(), Number(s.GetProperty("medianSeconds")), Number(s.GetProperty("p90Seconds")))).ToList();
        Assert.Equal(
            [
                ("captured", 7L, 0.0, 0.0),
                ("nurturing", 5L, 0.0, 0.0),
                ("sales_ready", 5L, 0.0, 0.0),
                ("assigned", 5L, 300.0, 900.0),
                ("working", 3L, 1200.0, 1500.0),
                ("opportunity", 1L, 600.0, 600.0),
            ],
            stages);
    }

    [Fact]
    public async Task Sla_reports_compliance_first_touch_and_breaches_overall_per_rep_and_per_pool()
    {
        var sla = await scenario.ReportAsync("sla");

        AssertSla(sla.GetProperty("overall"), handedOff: 5, met: 3, missed: 1, breaches: 1, warnings: 1, compliance: 0.75, median: 300, p90: 600);
        AssertSla(Items(sla.GetProperty("pools")).Single(p => p.GetProperty("id").GetString() == "default").GetProperty("figures"), 5, 3, 1, 1, 1, 0.75, 300, 600);
        var reps = Items(sla.GetProperty("reps")).ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("figures"));
        // L3 was warned and breached while held by its first rep, and first-touched in time by its second.
        var first = scenario.Owner("L3");
        var second = scenario.Owner("L3", 1);
        Assert.NotEqual(first, second);
        Assert.Equal(new[] { first, second }.Order(), reps.Keys.Order());
        var handedToFirst = new[] { "L1", "L2", "L4" }.Count(lead => scenario.Owner(lead) == first) + 1;
        var metByFirst = new[] { "L1", "L2" }.Count(lead => scenario.Owner(lead) == first);
        AssertRep(reps[first], handedToFirst, metByFirst, missed: 1, breaches: 1, warnings: 1);
        AssertRep(reps[second], 5 - handedToFirst, 3 - metByFirst, missed: 0, breaches: 0, warnings: 0);
    }

    private static void AssertRep(JsonElement figures, long handedOff, long met, long missed, long breaches, long warnings)
    {
        Assert.Equal(handedOff, figures.GetProperty("handedOff").GetInt64());
        Assert.Equal(met, figures.GetProperty("met").GetInt64());
        Assert.Equal(missed, figures.GetProperty("missed").GetInt64());
        Assert.Equal(breaches, figures.GetProperty("breaches").GetInt64());
        Assert.Equal(warnings, figures.GetProperty("warnings").GetInt64());
        Assert.Equal(Math.Round((double)met / (met + missed), 4), figures.GetProperty("compliance").GetDouble());
    }

    private static void AssertSla(JsonElement figures, long handedOff, long met, long missed, long breaches, long warnings, double compliance, double median, double p90)
    {
        Assert.Equal(handedOff, figures.GetProperty("handedOff").GetInt64());
        Assert.Equal(met, figures.GetProperty("met").GetInt64());
        Assert.Equal(missed, figures.GetProperty("missed").GetInt64());
        Assert.Equal(breaches, figures.GetProperty("breaches").GetInt64());
        Assert.Equal(warnings, figures.GetProperty("warnings").GetInt64());
        Assert.Equal(compliance, figures.GetProperty("compliance").GetDouble());
        Assert.Equal(median, figures.GetProperty("medianFirstTouchSeconds").GetDouble());
        Assert.Equal(p90, figures.GetProperty("p90FirstTouchSeconds").GetDouble());
    }

    [Fact]
    public async Task Quality_compares_handoffs_with_what_sales_accepted_and_rejected_per_source()
    {
        var quality = await scenario.ReportAsync("quality");

        AssertQuality(quality.GetProperty("overall"), handedOff: 5, accepted: 3, rejected: 1, rate: 0.6, rejectedReasons: """{"not_a_buyer":1}""");
        var sources = Items(quality.GetProperty("sources")).ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("figures"));
        Assert.Equal(["paid_search", "webinar"], sources.Keys.Order());
        AssertQuality(sources["webinar"], 2, 2, 0, 1.0, "{}");
        AssertQuality(sources["paid_search"], 3, 1, 1, 0.3333, """{"not_a_buyer":1}""");
    }

    private static void AssertQuality(JsonElement figures, long handedOff, long accepted, long rejected, double rate, string rejectedReasons)
    {
        Assert.Equal(handedOff, figures.GetProperty("handedOff").GetInt64());
        Assert.Equal(accepted, figures.GetProperty("accepted").GetInt64());
        Assert.Equal(rejected, figures.GetProperty("rejected").GetInt64());
        Assert.Equal(0, figures.GetProperty("returned").GetInt64());
        Assert.Equal(rate, figures.GetProperty("qualityRate").GetDouble());
        Assert.Equal(rejectedReasons, figures.GetProperty("rejectedReasons").GetRawText());
    }

    [Fact]
    public async Task Sources_trace_each_source_and_campaign_to_sales_ready_wins_and_revenue()
    {
        var sources = await scenario.ReportAsync("sources");

        Assert.Equal(
            [("webinar", "spring", 2L, 2L, 2L, 80_000m, (double?)1.0), ("organic", "", 2L, 0L, 0L, 0m, 0.0), ("paid_search", "brand", 3L, 2L, 0L, 0m, 0.0)],
            Items(sources.GetProperty("sources")).Select(s => (
                s.GetProperty("source").GetString(), s.GetProperty("campaign").GetString(), s.GetProperty("leads").GetInt64(), s.GetProperty("salesReady").GetInt64(),
                s.GetProperty("won").GetInt64(), s.GetProperty("revenue").GetDecimal(), Number(s.GetProperty("leadToWon")))));
    }

    [Fact]
    public async Task Reps_report_what_each_rep_holds_and_did()
    {
        var reps = Items((await scenario.ReportAsync("reps")).GetProperty("reps")).ToDictionary(r => r.GetProperty("repId").GetString()!);

        Assert.Equal(2, reps.Count);
        foreach (var (repId, rep) in reps)
        {
            string[] held = [.. scenario.Owners.Where(pair => pair.Value[^1] == repId).Select(pair => pair.Key)];
            Assert.Equal(0, rep.GetProperty("open").GetInt64());
            Assert.Equal(held.Count(lead => lead is "L1" or "L2" or "L3"), rep.GetProperty("contacted").GetInt64());
            Assert.Equal(held.Count(lead => lead is "L1" or "L2"), rep.GetProperty("won").GetInt64());
            Assert.Equal((held.Contains("L1") ? 50_000m : 0) + (held.Contains("L2") ? 30_000m : 0), rep.GetProperty("revenue").GetDecimal());
            Assert.Equal(held.Contains("L3") ? 1 : 0, rep.GetProperty("lost").GetInt64());
            Assert.Equal(held.Contains("L4") ? 1 : 0, rep.GetProperty("rejected").GetInt64());
        }
    }

    [Fact]
    public async Task Forecast_expects_wins_from_open_leads_with_measured_conversion_blended_with_the_prior()
    {
        var forecast = await scenario.ReportAsync("forecast");
        var observedOnly = await scenario.ReportAsync("forecast", "&priorWeight=0");

        Assert.Equal([0.963, 0.2444, 0.9583, 0.7083, 0.3913, 0.3182], Items(forecast.GetProperty("conversions")).Select(c => c.GetProperty("rate").GetDouble()));
        var nurturing = Items(forecast.GetProperty("openLeads")).Single(s => s.GetProperty("stage").GetString() == "nurturing");
        Assert.Equal((3, 0.0207), (nurturing.GetProperty("open").GetInt64(), nurturing.GetProperty("winProbability").GetDouble()));
        Assert.Equal(3, Items(forecast.GetProperty("openLeads")).Sum(s => s.GetProperty("open").GetInt64()));
        Assert.Equal((0.06, 40_000m, 2_400m), (forecast.GetProperty("expectedWins").GetDouble(), forecast.GetProperty("averageDeal").GetDecimal(), forecast.GetProperty("expectedRevenue").GetDecimal()));
        Assert.Equal([1.0, 0.5714, 1.0, 0.75, 0.6667, 1.0], Items(observedOnly.GetProperty("conversions")).Select(c => c.GetProperty("rate").GetDouble()));
        Assert.Equal((0.86, 34_400m), (observedOnly.GetProperty("expectedWins").GetDouble(), observedOnly.GetProperty("expectedRevenue").GetDecimal()));
    }

    [Fact]
    public async Task Profile_lists_features_over_represented_among_won_leads_with_their_lift()
    {
        var profile = await scenario.ReportAsync("profile", "&minSupport=2");
        var defaultSupport = await scenario.ReportAsync("profile");

        Assert.Equal((2, 7), (profile.GetProperty("wonLeads").GetInt64(), profile.GetProperty("allLeads").GetInt64()));
        Assert.Equal(
            [("employees:1001-5000", 2L, 2L, 3.5), ("source:webinar", 2L, 2L, 3.5), ("tag:enterprise", 2L, 2L, 3.5), ("industry:software", 2L, 3L, 2.3333), ("country:us", 2L, 4L, 1.75)],
            Items(profile.GetProperty("features")).Select(f => (f.GetProperty("feature").GetString(), f.GetProperty("won").GetInt64(), f.GetProperty("all").GetInt64(), f.GetProperty("lift").GetDouble())));
        Assert.Empty(Items(defaultSupport.GetProperty("features")));
    }

    [Fact]
    public async Task Csv_is_served_when_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/sources?from={ReportScenario.Day}&to={ReportScenario.Day}");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await scenario.Client.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "source,campaign,leads,sales_ready,won,revenue,lead_to_won\r\nwebinar,spring,2,2,2,80000,1\r\norganic,,2,0,0,0,0\r\npaid_search,brand,3,2,0,0,0\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_day_has_nothing()
    {
        var response = await scenario.Client.GetAsync("/api/v1/reports/funnel?from=2026-03-03&to=2026-03-03");

        var funnel = (await response.JsonAsync()).GetProperty("data");
        Assert.All(Items(funnel.GetProperty("stages")), stage => Assert.Equal(0, stage.GetProperty("reached").GetInt64()));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-03-05&to=2026-03-01", "from")]
    [InlineData("from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("minSupport=0", "minSupport")]
    [InlineData("priorWeight=lots", "priorWeight")]
    public async Task Bad_query_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await scenario.Client.GetAsync($"/api/v1/reports/funnel?{query}");

        Assert.Contains(parameter, (await response.AssertProblemAsync(400)).ErrorPaths());
    }
}
