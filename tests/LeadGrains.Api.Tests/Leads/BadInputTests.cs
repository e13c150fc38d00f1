using System.Net;
using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Leads;

/// <summary>Every bad input gets a 4xx problem-details body and changes nothing (DESIGN §7).</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(LeadGrainsApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    private async Task AssertNoLeadAsync(string email) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}")).StatusCode);

    public static TheoryData<string, string> InvalidCaptures => new()
    {
        { """{"title":"VP"}""", "email" },
        { """{"email":"not-an-email"}""", "email" },
        { """{"email":"a@b"}""", "email" },
        { """{"email":"EMAIL","employees":-5}""", "employees" },
        { """{"email":"EMAIL","employees":2000000000}""", "employees" },
        { $$"""{"email":"EMAIL","title":"{{new string('x', 300)}}"}""", "title" },
        { $$"""{"email":"EMAIL","tags":[{{string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"t{i}\""))}}]}""", "tags" },
        { """{"email":"EMAIL","tags":[""]}""", "tags[0]" },
        { """{"email":"EMAIL","capturedAt":"2099-01-01T00:00:00Z"}""", "capturedAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidCaptures))]
    public async Task Invalid_capture_is_a_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var email = UniqueEmail("bad");

        var response = await _client.PostRawAsync("/api/v1/leads", body.Replace("EMAIL", email, StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(field, problem.ErrorPaths());
        await AssertNoLeadAsync(email);
    }

    [Theory]
    [InlineData("""{"email":"EMAIL","employees":1e12}""")]
    [InlineData("""{"email":"EMAIL","employees":"many"}""")]
    [InlineData("""{"email":"EMAIL",""")]
    [InlineData("""not json at all""")]
    [InlineData("""["EMAIL"]""")]
    public async Task Malformed_json_is_a_400_problem_and_creates_nothing(string body)
    {
        var email = UniqueEmail("broken");

        var response = await _client.PostRawAsync("/api/v1/leads", body.Replace("EMAIL", email, StringComparison.Ordinal));

        await response.AssertProblemAsync(400);
        await AssertNoLeadAsync(email);
    }

    [Fact]
    public async Task Non_json_content_type_is_a_415_problem()
    {
        var email = UniqueEmail("text");

        var response = await _client.PostRawAsync("/api/v1/leads", $$"""{"email":"{{email}}"}""", "text/plain");

        await response.AssertProblemAsync(415);
        await AssertNoLeadAsync(email);
    }

    [Fact]
    public async Task Oversize_body_is_a_413_problem()
    {
        var email = UniqueEmail("huge");
        var body = $$$"""{"email":"{{{email}}}","attributes":{"blob":"{{{new string('x', 2 * 1024 * 1024)}}}"}}""";

        // Expect: 100-continue lets the server refuse before the client sends 2 MiB into a closing connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/leads") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(413);
        await AssertNoLeadAsync(email);
    }

    public static TheoryData<string, string> InvalidActivities => new()
    {
        { """{"type":"page_view"}""", "eventId" },
        { """{"eventId":"  ","type":"page_view"}""", "eventId" },
        { $$"""{"eventId":"{{new string('e', 200)}}","type":"page_view"}""", "eventId" },
        { """{"eventId":"e-1"}""", "type" },
        { """{"eventId":"e-1","type":"telepathy"}""", "type" },
        { """{"eventId":"e-1","type":"page_view","occurredAt":"2099-01-01T00:00:00Z"}""", "occurredAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task Invalid_activity_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var created = await _client.PostJsonAsync("/api/v1/leads", new { email = UniqueEmail("act") });
        var before = await created.JsonAsync();
        var leadId = before.GetProperty("leadId").GetString();

        var response = await _client.PostRawAsync($"/api/v1/leads/{leadId}/activities", body);

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(field, problem.ErrorPaths());
        var after = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
        Assert.Equal(before.GetProperty("score").GetProperty("total").GetDecimal(), after.GetProperty("score").GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-wrong-key")]
    public async Task Missing_or_wrong_api_key_is_a_401_problem_and_changes_nothing(string? key)
    {
        var email = UniqueEmail("anon");

        var response = await factory.Client(key).PostJsonAsync("/api/v1/leads", new { email });

        await response.AssertProblemAsync(401);
        await AssertNoLeadAsync(email);
    }

    [Fact]
    public async Task Problem_bodies_are_json_with_a_trace_id()
    {
        var response = await _client.PostRawAsync("/api/v1/leads", "{}");

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("traceId").ValueKind);
    }
}
