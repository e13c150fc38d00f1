using System.Net;
using System.Text;
using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Domain.Webhooks;

namespace LeadGrains.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class CrmWebhookTests(LeadGrainsApiFactory factory)
{
    private const string Secret = "local-dev-webhook-secret";
    private readonly HttpClient _client = factory.Client(apiKey: null);
    private readonly HttpClient _reader = factory.Client();

    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    private static byte[] Delivery(string deliveryId, params object[] events) =>
        JsonSerializer.SerializeToUtf8Bytes(new { deliveryId, events });

    private Task<HttpResponseMessage> SendAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/crm") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.Header, signature);
        }
        return _client.SendAsync(request);
    }

    private async Task<HttpStatusCode> LookupAsync(string email) =>
        (await _reader.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}")).StatusCode;

    [Fact]
    public async Task A_validly_signed_delivery_is_applied_without_an_api_key()
    {
        var email = UniqueEmail("crm");
        var body = Delivery($"d-{Guid.NewGuid():N}",
            new { kind = "capture", email, crmId = $"crm-{Guid.NewGuid():N}" },
            new { kind = "activity", email, eventId = "crm-1", type = "demo_request" });

        var response = await SendAsync(body, WebhookSignature.Sign(body, Secret, factory.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.False(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal(2, result.GetProperty("results").GetProperty("accepted").GetInt32());
        var lead = await (await _reader.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}")).JsonAsync();
        Assert.Equal("high", lead.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Forged_missing_and_stale_signatures_get_401_and_change_nothing()
    {
        var email = UniqueEmail("forged");
        var body = Delivery($"d-{Guid.NewGuid():N}", new { kind = "capture", email });
        var now = factory.Time.GetUtcNow();
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("forged", "forgee", StringComparison.Ordinal));

        var forged = await SendAsync(body, WebhookSignature.Sign(body, "not-the-secret", now));
        var missing = await SendAsync(body, null);
        var stale = await SendAsync(body, WebhookSignature.Sign(body, Secret, now.AddHours(-1)));
        var altered = await SendAsync(tampered, WebhookSignature.Sign(body, Secret, now));
        var garbled = await SendAsync(body, "t=abc,v1=zz");

        await forged.AssertProblemAsync(401);
        await missing.AssertProblemAsync(401);
        await stale.AssertProblemAsync(401);
        await altered.AssertProblemAsync(401);
        await garbled.AssertProblemAsync(401);
        Assert.Equal(HttpStatusCode.NotFound, await LookupAsync(email));
    }

    [Fact]
    public async Task A_repeated_delivery_id_is_acknowledged_and_applied_once()
    {
        var email = UniqueEmail("repeat");
        var deliveryId = $"d-{Guid.NewGuid():N}";
        var first = Delivery(deliveryId, new { kind = "capture", email });
        // The same delivery id with different content, signed afresh: still applied once.
        var again = Delivery(deliveryId, new { kind = "capture", email }, new { kind = "activity", email, eventId = "r-1", type = "demo_request" });

        var firstResponse = await SendAsync(first, WebhookSignature.Sign(first, Secret, factory.Time.GetUtcNow()));
        var againResponse = await SendAsync(again, WebhookSignature.Sign(again, Secret, factory.Time.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, againResponse.StatusCode);
        Assert.True((await againResponse.JsonAsync()).GetProperty("duplicate").GetBoolean());
        var lead = await (await _reader.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}")).JsonAsync();
        Assert.DoesNotContain(lead.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("type").GetString() == "activity");
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_delivery_gets_400()
    {
        var body = Encoding.UTF8.GetBytes("{\"events\": []}");

        var response = await SendAsync(body, WebhookSignature.Sign(body, Secret, factory.Time.GetUtcNow()));

        await response.AssertProblemAsync(400);
    }
}
