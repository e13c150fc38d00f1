using System.Net;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.RateLimiting;

public sealed class RateLimitTests : IDisposable
{
    private const string OtherKey = "another-key-0123456789";

    private readonly LeadGrainsApiFactory _factory = new LeadGrainsApiFactory()
        .With("LeadGrains:Api:RateLimit:PermitsPerSecond", "1").With("LeadGrains:Api:RateLimit:Burst", "3")
        .With("LeadGrains:ApiKeys:1:Key", OtherKey).With("LeadGrains:ApiKeys:1:Scopes:0", "read");

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_other_keys_go_on()
    {
        var client = _factory.Client();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await client.GetAsync("/api/v1/config"));
        }
        var other = await _factory.Client(OtherKey).GetAsync("/api/v1/config");

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        var refused = responses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        await refused.AssertProblemAsync(429);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
