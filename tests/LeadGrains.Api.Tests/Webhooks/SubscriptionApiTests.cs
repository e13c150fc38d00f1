using System.Net;
using System.Net.Http.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Webhooks;

[Collection(ApiCollection.Name)]
public sealed class SubscriptionApiTests(LeadGrainsApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    [Fact]
    public async Task A_subscription_is_created_read_replaced_and_deleted_without_showing_its_secret()
    {
        var path = $"/api/v1/webhooks/subscriptions/crm-{Guid.NewGuid():N}";
        var body = new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "lead.assigned", "lead.closed" }, secret = "a-long-enough-secret" };

        var created = await _client.PutAsJsonAsync(path, body);
        var replaced = await _client.PutAsJsonAsync(path, body with { eventTypes = new[] { "lead.sales_ready" } });
        var read = await _client.GetAsync(path);
        var deleted = await _client.DeleteAsync(path);
        var gone = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var view = await read.JsonAsync();
        Assert.Equal(["lead.sales_ready"], view.GetProperty("eventTypes").EnumerateArray().Select(type => type.GetString()));
        Assert.False(view.TryGetProperty("secret", out _));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.AssertProblemAsync(404);
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_naming_each_field()
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/webhooks/subscriptions/bad", new { url = "ftp://example.com/x", eventTypes = new[] { "lead.teleported" }, secret = "short" });

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal(["eventTypes", "secret", "url"], problem.ErrorPaths().Order(StringComparer.Ordinal));
    }
}

public sealed class ProductionSubscriptionTests : IDisposable
{
    private const string AdminKey = "prod-admin-key-0123456789";

    private readonly LeadGrainsApiFactory _factory = new LeadGrainsApiFactory { Environment = "Production" }
        .With("LeadGrains:ApiKeys:0:Key", AdminKey).With("LeadGrains:ApiKeys:0:Scopes:0", "admin");

    [Fact]
    public async Task Private_and_loopback_addresses_are_refused_in_production()
    {
        var client = _factory.Client(AdminKey);
        string[] urls = ["http://127.0.0.1:8080/hook", "https://10.1.2.3/hook", "http://192.168.0.10/hook",
            "http://169.254.169.254/latest/meta-data", "http://localhost/hook", "http://[::1]/hook", "http://[::ffff:10.0.0.1]/hook"];

        foreach (var url in urls)
        {
            var response = await client.PutAsJsonAsync("/api/v1/webhooks/subscriptions/internal", new { url, eventTypes = new[] { "lead.assigned" }, secret = "a-long-enough-secret" });
            var problem = await response.AssertProblemAsync(400);
            Assert.Contains("url", problem.ErrorPaths());
        }
        var publicUrl = await client.PutAsJsonAsync("/api/v1/webhooks/subscriptions/public", new { url = "https://hooks.example.com/leadgrains", eventTypes = new[] { "lead.assigned" }, secret = "a-long-enough-secret" });
        Assert.Equal(HttpStatusCode.Created, publicUrl.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/webhooks/subscriptions/internal")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
