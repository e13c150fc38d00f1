using System.Net;
using System.Text;
using System.Text.Json;
using LeadGrains.Api.Tests.Hosting;

namespace LeadGrains.Api.Tests.Ingest;

[Collection(ApiCollection.Name)]
public sealed class IngestApiTests(LeadGrainsApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    private static string Ndjson(params object[] lines) => string.Join('\n', lines.Select(line => line as string ?? JsonSerializer.Serialize(line)));

    [Fact]
    public async Task Each_line_gets_its_own_result_and_good_lines_are_applied()
    {
        var email = UniqueEmail("batch");
        var body = Ndjson(
            new { kind = "capture", email, title = "VP Sales", employees = 2500, industry = "Software", country = "US" },
            "{not json",
            new { kind = "capture", firstName = "No Email" },
            new { kind = "teleport", email },
            new { kind = "activity", email = email.ToUpperInvariant(), eventId = "b-1", type = "pricing_page_view" },
            new { kind = "activity", email, eventId = "b-1", type = "pricing_page_view" },
            new { kind = "activity", email = UniqueEmail("nobody"), eventId = "b-2", type = "email_click" },
            new { kind = "activity", leadId = new string('0', 32), eventId = "b-3", type = "email_click" },
            new { kind = "activity", eventId = "b-4", type = "email_click" },
            "",
            new { kind = "sales_action", email, eventId = "b-5", action = "accept", repId = "nobody" },
            new { kind = "activity", email, eventId = "b-6", type = "webinar_attended" });

        var response = await _client.PostRawAsync("/api/v1/ingest", body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.JsonAsync();
        var results = summary.GetProperty("results").EnumerateArray().ToDictionary(result => result.GetProperty("line").GetInt32());
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "accepted", "duplicate", "rejected", "rejected", "rejected", "rejected", "accepted"],
            results.OrderBy(pair => pair.Key).Select(pair => pair.Value.GetProperty("result").GetString()));
        Assert.False(results.ContainsKey(10));
        Assert.Equal(3, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(1, summary.GetProperty("duplicate").GetInt32());
        Assert.Equal(7, summary.GetProperty("rejected").GetInt32());
        Assert.Contains("line", ErrorPaths(results[2]));
        Assert.Contains("email", ErrorPaths(results[3]));
        Assert.Contains("kind", ErrorPaths(results[4]));
        Assert.Contains("email", ErrorPaths(results[7]));
        Assert.Contains("leadId", ErrorPaths(results[8]));
        Assert.Contains("leadId", ErrorPaths(results[9]));
        Assert.Contains("action", ErrorPaths(results[11]));
        var leadId = results[1].GetProperty("leadId").GetString();
        Assert.Equal(leadId, results[12].GetProperty("leadId").GetString());
        var lead = await (await _client.GetAsync($"/api/v1/leads/{leadId}")).JsonAsync();
        Assert.Equal("sales_ready", lead.GetProperty("stage").GetString());
        var activities = lead.GetProperty("timeline").EnumerateArray().Where(entry => entry.GetProperty("type").GetString() == "activity").ToList();
        Assert.Equal(2, activities.Count);
    }

    [Fact]
    public async Task Lines_for_one_lead_apply_in_order_while_many_leads_run_at_once()
    {
        var emails = Enumerable.Range(0, 40).Select(i => UniqueEmail($"order{i}")).ToList();
        var lines = emails.Select(email => (object)new { kind = "capture", email })
            .Concat(Enumerable.Range(0, 10).SelectMany(step => emails.Select(email => (object)new { kind = "activity", email, eventId = $"o-{step}", type = "email_click" })))
            .ToArray();

        var summary = await (await _client.PostRawAsync("/api/v1/ingest", Ndjson(lines), "application/x-ndjson")).JsonAsync();

        Assert.Equal(lines.Length, summary.GetProperty("accepted").GetInt32());
        var lead = await (await _client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(emails[7])}")).JsonAsync();
        Assert.Equal(10, lead.GetProperty("timeline").EnumerateArray().Count(entry => entry.GetProperty("type").GetString() == "activity"));
    }

    [Fact]
    public async Task A_hundred_thousand_lines_stream_through_a_body_larger_than_the_ordinary_limit()
    {
        const int count = 100_000;
        const int leads = 1_000;
        var prefix = Guid.NewGuid().ToString("N");
        // A thousand captures, then an activity on every tenth line spread over those leads, and padding between.
        var content = new StreamContent(new NdjsonStream(count, i => i < leads
            ? $"{{\"kind\":\"capture\",\"email\":\"{i}.{prefix}@bigco.com\"}}"
            : i % 10 == 0
                ? $"{{\"kind\":\"activity\",\"email\":\"{i / 10 % leads}.{prefix}@bigco.com\",\"eventId\":\"big-{i}\",\"type\":\"email_click\"}}"
                : $"{{\"kind\":\"nothing\",\"pad\":\"{new string('x', 80)}\"}}"));
        content.Headers.ContentType = new("application/x-ndjson");

        var response = await _client.PostAsync("/api/v1/ingest", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.JsonAsync();
        var activities = (count - leads) / 10;
        Assert.Equal(leads + activities, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(count - leads - activities, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(count, summary.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Ingest_wants_ndjson()
    {
        var response = await _client.PostRawAsync("/api/v1/ingest", "{}", "application/json");

        await response.AssertProblemAsync(415);
    }

    private static IEnumerable<string> ErrorPaths(JsonElement result) => result.GetProperty("errors").EnumerateObject().Select(error => error.Name);
}

public sealed class IngestLimitTests : IDisposable
{
    private readonly LeadGrainsApiFactory _factory = new LeadGrainsApiFactory().With("LeadGrains:Api:MaxIngestBytes", "4096");

    [Fact]
    public async Task A_batch_over_the_ingest_limit_gets_413_and_changes_nothing()
    {
        var client = _factory.Client();
        var email = $"over.{Guid.NewGuid():N}@bigco.com";
        var body = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"{{\"kind\":\"capture\",\"email\":\"{i}.{email}\"}}"));
        Assert.True(Encoding.UTF8.GetByteCount(body) > 4096);

        var declared = await client.PostRawAsync("/api/v1/ingest", body, "application/x-ndjson");
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 8000))));
        chunked.Headers.ContentType = new("application/x-ndjson");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(request);

        await declared.AssertProblemAsync(413);
        await streamed.AssertProblemAsync(413);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString("0." + email)}")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>An NDJSON body generated as it is read, so the test holds no more of it than the server does.</summary>
internal sealed class NdjsonStream(int lines, Func<int, string> line) : Stream
{
    private int _next;
    private ReadOnlyMemory<byte> _pending = ReadOnlyMemory<byte>.Empty;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pending.IsEmpty)
        {
            if (_next >= lines)
            {
                return 0;
            }
            _pending = Encoding.UTF8.GetBytes(line(_next++) + "\n");
        }
        var taken = Math.Min(count, _pending.Length);
        _pending.Span[..taken].CopyTo(buffer.AsSpan(offset, taken));
        _pending = _pending[taken..];
        return taken;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
