using System.Net;
using System.Net.Http.Json;
using LeadGrains.Api.Tests.Webhooks;
using LeadGrains.Domain.Webhooks;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;

namespace LeadGrains.Production.Tests;

[Collection(PostgresCollection.Name)]
public sealed class WebhookRestartTests(PostgresServerFixture postgres)
{
    private const string Secret = "receiver-secret-0123456789";

    private static readonly Dictionary<string, string?> FastRetries = new(StringComparer.Ordinal)
    {
        ["LeadGrains:Webhooks:FirstRetryDelay"] = "00:00:00.050",
        ["LeadGrains:Webhooks:MaxRetryDelay"] = "00:00:00.200",
        ["LeadGrains:Webhooks:MaxAttempts"] = "100000",
    };

    [Fact]
    public async Task Deliveries_pending_when_the_silo_stops_are_delivered_after_it_restarts()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = $"webhooks-{Guid.NewGuid():N}";
        var subscription = $"sub-{Guid.NewGuid():N}";
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.AlwaysFail = true;
        string leadId;

        await using (var first = new PostgresHostFactory(database, clusterId, settings: FastRetries))
        {
            var client = first.Client();
            var subscribed = await client.PutAsJsonAsync($"/api/v1/webhooks/subscriptions/{subscription}",
                new { url = receiver.Url, eventTypes = new[] { WebhookEvents.SalesReady }, secret = Secret });
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
            var captured = await client.PostJsonAsync("/api/v1/leads", new { email = $"restart-{Guid.NewGuid():N}@example.com" });
            leadId = (await captured.JsonAsync()).GetProperty("leadId").GetString()!;
            await client.PostJsonAsync($"/api/v1/leads/{leadId}/activities", new { eventId = "demo", type = "demo_request" });
            await receiver.WaitUntilAsync(() => receiver.Attempts >= 2, TimeSpan.FromSeconds(30));
        }

        var attemptsWhileDown = receiver.Attempts;
        receiver.AlwaysFail = false;
        await using var second = new PostgresHostFactory(database, clusterId, settings: FastRetries);
        var after = second.Client();
        // The host starts its silo lazily with the first request; nothing but the silo's start wakes the queue.
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/health/live")).StatusCode);

        await receiver.WaitUntilAsync(() => !receiver.Acknowledged.IsEmpty, TimeSpan.FromSeconds(30));
        var delivered = Assert.Single(receiver.Acknowledged);
        Assert.Equal(leadId, delivered.LeadId);
        Assert.Equal(WebhookEvents.SalesReady, delivered.Type);
        Assert.Equal(SignatureCheck.Valid, delivered.Signature);
        Assert.True(receiver.Attempts > attemptsWhileDown);
        var log = await (await after.GetAsync($"/api/v1/webhooks/subscriptions/{subscription}/deliveries")).JsonAsync();
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal("delivered", entry.GetProperty("status").GetString());
        Assert.Equal(delivered.DeliveryId, entry.GetProperty("deliveryId").GetString());
    }
}
