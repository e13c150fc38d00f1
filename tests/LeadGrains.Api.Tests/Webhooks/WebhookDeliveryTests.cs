using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Host.Json;

namespace LeadGrains.Api.Tests.Webhooks;

/// <summary>Outbound delivery end to end: a real host, a real receiver on loopback, retry delays shortened by configuration.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "receiver-secret-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly LeadGrainsApiFactory _factory = new LeadGrainsApiFactory()
        .With("LeadGrains:Webhooks:FirstRetryDelay", "00:00:00.050")
        .With("LeadGrains:Webhooks:MaxRetryDelay", "00:00:00.200")
        .With("LeadGrains:Webhooks:MaxAttempts", "4");

    private readonly HttpClient _client;

    public WebhookDeliveryTests()
    {
        _client = _factory.Client();
    }

    [Fact]
    public async Task A_receiver_that_fails_the_first_attempts_gets_every_delivery_in_order_per_lead_with_valid_signatures()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.FailNext = 5;
        string[] subscribed = [WebhookEvents.SalesReady, WebhookEvents.StageChanged, WebhookEvents.Closed];
        var subscription = await SubscribeAsync(receiver.Url, subscribed);

        var leads = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var leadId = await CaptureAsync();
            leads.Add(leadId);
            await MakeSalesReadyAsync(leadId);
            await DisqualifyAsync(leadId);
        }

        // What each lead should have sent, in order: the events its stored timeline raises (DESIGN §7), of the subscribed types.
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var leadId in leads)
        {
            expected[leadId] = [.. (await TimelineAsync(leadId)).SelectMany(WebhookEvents.For).Where(subscribed.Contains)];
            Assert.Contains(WebhookEvents.Closed, expected[leadId]);
        }
        // At least once: a retry after a lost acknowledgement may repeat a delivery; its first arrival is the one that counts.
        await receiver.WaitUntilAsync(() => receiver.Acknowledged.DistinctBy(delivery => delivery.DeliveryId).Count() >= expected.Values.Sum(events => events.Count), Patience);
        var received = receiver.Acknowledged.DistinctBy(delivery => delivery.DeliveryId).ToList();
        Assert.All(received, delivery => Assert.Equal(SignatureCheck.Valid, delivery.Signature));
        Assert.All(received, delivery => Assert.Equal(delivery.Type, delivery.EventHeader));
        Assert.Equal(received.Count, received.Select(delivery => delivery.EventId).Distinct().Count());
        foreach (var leadId in leads)
        {
            Assert.Equal(expected[leadId], received.Where(delivery => delivery.LeadId == leadId).Select(delivery => delivery.Type));
        }
        Assert.True(receiver.Attempts >= received.Count + 5);

        var log = await DeliveriesAsync(subscription);
        Assert.Equal(received.Count, log.Count(entry => entry.GetProperty("status").GetString() == "delivered"));
        Assert.Contains(log, entry => entry.GetProperty("attempts").GetInt32() > 1);
    }

    [Fact]
    public async Task A_receiver_that_always_fails_ends_in_the_dead_letter_list_and_redeliver_works_once_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.AlwaysFail = true;
        var subscription = await SubscribeAsync(receiver.Url, WebhookEvents.SalesReady);
        var leadId = await CaptureAsync();
        await MakeSalesReadyAsync(leadId);

        JsonElement deadLetter = default;
        var lastLog = "";
        await receiver.WaitUntilAsync(() =>
        {
            var log = DeliveriesAsync(subscription).GetAwaiter().GetResult();
            lastLog = string.Join("; ", log);
            deadLetter = log.FirstOrDefault(entry => entry.GetProperty("status").GetString() == "dead_lettered");
            return deadLetter.ValueKind == JsonValueKind.Object;
        }, Patience, () => $"log: {lastLog}, attempts: {receiver.Attempts}");
        Assert.Equal(4, deadLetter.GetProperty("attempts").GetInt32());
        Assert.Contains("500", deadLetter.GetProperty("lastError").GetString());
        Assert.Equal(leadId, deadLetter.GetProperty("leadId").GetString());
        Assert.Empty(receiver.Acknowledged);

        receiver.AlwaysFail = false;
        var deliveryId = deadLetter.GetProperty("deliveryId").GetString()!;
        var redeliver = await _client.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);

        await receiver.WaitUntilAsync(() => !receiver.Acknowledged.IsEmpty, Patience);
        var delivered = Assert.Single(receiver.Acknowledged);
        Assert.Equal(deliveryId, delivered.DeliveryId);
        Assert.Equal(SignatureCheck.Valid, delivered.Signature);
        var entry = Assert.Single(await DeliveriesAsync(subscription));
        Assert.Equal("delivered", entry.GetProperty("status").GetString());

        var again = await _client.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries/{deliveryId}/redeliver", null);
        await again.AssertProblemAsync(409);
        var unknown = await _client.PostAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries/nope/redeliver", null);
        await unknown.AssertProblemAsync(404);
    }

    [Fact]
    public async Task The_delivery_log_of_an_unknown_subscription_is_not_found()
    {
        await (await _client.GetAsync("/api/v1/webhooks/subscriptions/nobody/deliveries")).AssertProblemAsync(404);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> SubscribeAsync(string url, params string[] eventTypes)
    {
        var id = $"sub-{Guid.NewGuid():N}";
        var response = await _client.PutAsJsonAsync($"/api/v1/webhooks/subscriptions/{id}", new { url, eventTypes, secret = Secret });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task<string> CaptureAsync()
    {
        var response = await _client.PostJsonAsync("/api/v1/leads", new { email = $"hook-{Guid.NewGuid():N}@example.com" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("leadId").GetString()!;
    }

    private async Task MakeSalesReadyAsync(string leadId)
    {
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "demo", type = "demo_request" });
        Assert.Equal("sales_ready", (await response.JsonAsync()).GetProperty("lead").GetProperty("stage").GetString());
    }

    private async Task DisqualifyAsync(string leadId)
    {
        var response = await _client.PostJsonAsync($"/api/v1/leads/{leadId}/sales-actions", new { eventId = "dq", action = "disqualify", repId = "marketing-ops", reason = "spam" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<TimelineEntry>> TimelineAsync(string leadId)
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Apply(options);
        var lead = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        return lead.GetProperty("timeline").Deserialize<List<TimelineEntry>>(options)!;
    }

    private async Task<List<JsonElement>> DeliveriesAsync(string subscription)
    {
        var response = await _client.GetAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }
}
