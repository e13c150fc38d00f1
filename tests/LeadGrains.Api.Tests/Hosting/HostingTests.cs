using System.Net;
using LeadGrains.Api.Tests.Hosting;
using Microsoft.Extensions.Options;

namespace LeadGrains.Api.Tests.HostingBehaviour;

[Collection(ApiCollection.Name)]
public sealed class HostingTests(LeadGrainsApiFactory factory)
{
    [Fact]
    public async Task Ready_and_live_answer_without_an_api_key()
    {
        var client = factory.Client(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_and_reference_are_served()
    {
        var client = factory.Client(apiKey: null);

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/leads/{leadId}/activities", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_is_served_in_development()
    {
        var response = await factory.Client(apiKey: null).GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ProductionHostingTests
{
    private const string AdminKey = "prod-admin-key-0123456789";
    private const string ReaderKey = "prod-reader-key-0123456789";

    [Fact]
    public void Production_without_api_keys_refuses_to_start()
    {
        using var factory = new LeadGrainsApiFactory { Environment = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("LeadGrains:ApiKeys", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_keys_enforces_scopes_and_guards_the_dashboard()
    {
        using var factory = new LeadGrainsApiFactory { Environment = "Production" }
            .With("LeadGrains:ApiKeys:0:Key", AdminKey).With("LeadGrains:ApiKeys:0:Scopes:0", "admin")
            .With("LeadGrains:ApiKeys:1:Key", ReaderKey).With("LeadGrains:ApiKeys:1:Scopes:0", "read");

        var asReader = await factory.Client(ReaderKey).PostJsonAsync("/api/v1/leads", new { email = "r@bigco.com" });
        var asAdmin = await factory.Client(AdminKey).PostJsonAsync("/api/v1/leads", new { email = "r@bigco.com" });
        var devKey = await factory.Client().GetAsync("/api/v1/config");

        await asReader.AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.Created, asAdmin.StatusCode);
        await devKey.AssertProblemAsync(401);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client(apiKey: null).GetAsync("/dashboard/")).StatusCode);
        var basic = factory.Client(apiKey: null);
        basic.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"ops:{AdminKey}")));
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("/dashboard/")).StatusCode);
    }
}
