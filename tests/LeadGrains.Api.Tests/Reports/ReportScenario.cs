using System.Net.Http.Json;
using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Reports;

/// <summary>
/// A scripted day on a host of its own (shipped configuration: one catch-all pool <c>default</c>,
/// high-priority first touch 15 minutes, warning at 75 %), with known outcomes:
/// <list type="bullet">
/// <item>L1, L2 (webinar/spring, enterprise software, US): demo request → assigned; contacted at 09:05 and
/// 09:10; L1 opportunity 09:30 and won 50,000 at 09:40; L2 won 30,000 at 09:30.</item>
/// <item>L3 (paid_search/brand, software, US): demo request → assigned; warned 09:12, breached 09:15 and
/// reassigned; contacted by the second rep 09:20; lost (no_budget) 09:30.</item>
/// <item>L4 (paid_search/brand, US): demo request → assigned; rejected (not_a_buyer) 09:05.</item>
/// <item>L5 (paid_search/brand, DE): a page view, stays in nurture. L6 (organic): hard bounce, disqualified.
/// L7 (organic): a page view, stays in nurture.</item>
/// </list>
/// Every step happens at a known fake time, starting 2026-03-02 09:00 UTC.
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public const string Day = "2026-03-02";

    public LeadGrainsApiFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    /// <summary>Each lead's owning reps in the order they held it.</summary>
    public Dictionary<string, List<string>> Owners { get; } = [];
    public Dictionary<string, string> LeadIds { get; } = [];

    public async Task InitializeAsync()
    {
        Client = Factory.Client();
        await PutRepAsync("ada");
        await PutRepAsync("bo");

        await CaptureAsync("L1", new { source = "webinar", campaign = "spring", tags = new[] { "enterprise" }, industry = "software", country = "US", employees = 5000 });
        await CaptureAsync("L2", new { source = "webinar", campaign = "spring", tags = new[] { "enterprise" }, industry = "software", country = "US", employees = 1500 });
        await CaptureAsync("L3", new { source = "paid_search", campaign = "brand", industry = "software", country = "US", employees = 300 });
        await CaptureAsync("L4", new { source = "paid_search", campaign = "brand", industry = "retail", country = "US", employees = 40 });
        await CaptureAsync("L5", new { source = "paid_search", campaign = "brand", country = "DE" });
        await CaptureAsync("L6", new { source = "organic" });
        await CaptureAsync("L7", new { source = "organic" });
        foreach (var lead in new[] { "L1", "L2", "L3", "L4" })
        {
            await ActivityAsync(lead, "demo_request");
            await RecordOwnerAsync(lead);
        }
        await ActivityAsync("L5", "page_view");
        await ActivityAsync("L6", "hard_bounce");
        await ActivityAsync("L7", "page_view");

        await AdvanceToAsync(9, 5);
        await SalesActionAsync("L1", "contacted");
        await SalesActionAsync("L4", "reject", reason: "not_a_buyer");
        await AdvanceToAsync(9, 10);
        await SalesActionAsync("L2", "contacted");
        await AdvanceToAsync(9, 12);
        await EventuallyAsync("L3", view => view.GetProperty("timeline").EnumerateArray().Any(entry => entry.GetProperty("type").GetString() == "sla_warning"));
        await AdvanceToAsync(9, 15);
        await EventuallyAsync("L3", view => view.GetProperty("breaches").GetInt32() == 1 && view.GetProperty("stage").GetString() == "assigned");
        await RecordOwnerAsync("L3");
        await AdvanceToAsync(9, 20);
        await SalesActionAsync("L3", "contacted");
        await AdvanceToAsync(9, 30);
        await SalesActionAsync("L1", "opportunity");
        await SalesActionAsync("L2", "won", amount: 30_000);
        await SalesActionAsync("L3", "lost", reason: "no_budget");
        await AdvanceToAsync(9, 40);
        await SalesActionAsync("L1", "won", amount: 50_000);
    }

    public string Owner(string lead, int turn = 0) => Owners[lead][turn];

    public async Task<JsonElement> ReportAsync(string report, string query = "")
    {
        var response = await Client.GetAsync($"/api/v1/reports/{report}?from={Day}&to={Day}{query}");
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("data");
    }

    private async Task PutRepAsync(string repId)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/reps/{repId}", new { name = repId, pools = new[] { "default" }, capacity = 100, weight = 1 });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task CaptureAsync(string lead, object attributes)
    {
        var fields = JsonSerializer.SerializeToNode(attributes)!.AsObject();
        fields["email"] = $"{lead.ToLowerInvariant()}@{lead.ToLowerInvariant()}-corp.example";
        var response = await Client.PostJsonAsync("/api/v1/leads", fields);
        var view = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, view.ToString());
        LeadIds[lead] = view.GetProperty("leadId").GetString()!;
    }

    private async Task ActivityAsync(string lead, string type)
    {
        var response = await Client.PostJsonAsync($"/api/v1/leads/{LeadIds[lead]}/activities", new { eventId = $"{lead}-{type}", type });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task SalesActionAsync(string lead, string action, string? reason = null, decimal? amount = null)
    {
        var rep = Owners[lead][^1];
        var response = await Client.PostJsonAsync($"/api/v1/leads/{LeadIds[lead]}/sales-actions", new { eventId = $"{lead}-{action}", action, repId = rep, reason, amount });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task RecordOwnerAsync(string lead)
    {
        var view = await ViewAsync(lead);
        var owner = view.GetProperty("ownerRepId").GetString();
        Assert.True(owner is not null, view.ToString());
        if (!Owners.TryGetValue(lead, out var owners))
        {
            Owners[lead] = owners = [];
        }
        owners.Add(owner);
    }

    private async Task<JsonElement> ViewAsync(string lead) => await (await Client.GetAsync($"/api/v1/leads/{LeadIds[lead]}")).JsonAsync();

    private Task AdvanceToAsync(int hour, int minute)
    {
        var target = LeadGrainsApiFactory.Start.Date.AddHours(hour).AddMinutes(minute);
        Factory.Time.Advance(new DateTimeOffset(target, TimeSpan.Zero) - Factory.Time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>Waits (bounded) for a grain timer the fake clock fired to be acted on.</summary>
    private async Task EventuallyAsync(string lead, Func<JsonElement, bool> condition)
    {
        var view = await ViewAsync(lead);
        for (var attempt = 0; attempt < 200 && !condition(view); attempt++)
        {
            await Task.Delay(50);
            view = await ViewAsync(lead);
        }
        Assert.True(condition(view), view.ToString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
