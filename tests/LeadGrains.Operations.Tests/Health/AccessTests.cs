using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Operations.Tests.Health;

public sealed class ProductionAccessTests : IClassFixture<ProductionAccessTests.Host>
{
    public const string AdminKey = "ops-admin-key-0123456789";
    public const string ReaderKey = "ops-reader-key-0123456789";

    private readonly Host _host;

    public ProductionAccessTests(Host host) => _host = host;

    public sealed class Host : LeadGrainsApiFactory
    {
        public Host()
        {
            Environment = "Production";
            With("LeadGrains:ApiKeys:0:Key", AdminKey).With("LeadGrains:ApiKeys:0:Scopes:0", "admin");
            With("LeadGrains:ApiKeys:1:Key", ReaderKey).With("LeadGrains:ApiKeys:1:Scopes:0", "read");
        }
    }

    private HttpClient Basic(string key)
    {
        var client = _host.Client(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{key}")));
        return client;
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/metrics")]
    public async Task Production_answers_401_without_a_credential_403_to_a_reader_and_200_to_an_admin(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client(apiKey: null).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Client(ReaderKey).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client(AdminKey).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Basic(AdminKey).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Production_dashboard_hides_the_live_log_stream_even_from_an_admin()
    {
        var response = await _host.Client(AdminKey).GetAsync("/dashboard/Trace");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Production_probes_need_no_credential()
    {
        var client = _host.Client(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/startup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}

public sealed class DevelopmentAccessTests(LeadGrainsApiFactory host) : IClassFixture<LeadGrainsApiFactory>
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/metrics")]
    public async Task Development_serves_the_dashboard_and_metrics_without_a_credential(string path)
    {
        var response = await host.Client(apiKey: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
