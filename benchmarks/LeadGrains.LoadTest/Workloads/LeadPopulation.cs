using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LeadGrains.LoadTest.Workloads;

/// <summary>
/// The leads that exist before a run, and which of them an event goes to: a hot share of the leads gets a hot share
/// of the events (by default 80 % of events on 20 % of leads), uniformly within each part, as engagement concentrates
/// on the leads being actively marketed to.
/// </summary>
public sealed class LeadPopulation
{
    private const int CreateBatch = 500;
    private readonly int _hot;
    private readonly double _hotTraffic;

    private LeadPopulation(string[] ids, double hotLeads, double hotTraffic)
    {
        Ids = ids;
        _hot = Math.Clamp((int)Math.Round(ids.Length * hotLeads), 1, ids.Length);
        _hotTraffic = hotTraffic;
    }

    /// <summary>Lead ids by profile index (see <see cref="LeadProfiles"/>).</summary>
    public string[] Ids { get; }

    /// <summary>The profile index of the lead the next event goes to.</summary>
    public int Pick() => _hot == Ids.Length || Random.Shared.NextDouble() < _hotTraffic
        ? Random.Shared.Next(_hot)
        : _hot + Random.Shared.Next(Ids.Length - _hot);

    /// <summary>Creates <paramref name="count"/> leads through <c>POST /api/v1/ingest</c>, a few batches at once.</summary>
    public static async Task<LeadPopulation> CreateAsync(HttpClient client, LeadProfiles profiles, int count, LoadOptions options, CancellationToken cancellationToken)
    {
        var ids = new string[count];
        var batches = (count + CreateBatch - 1) / CreateBatch;
        await Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(options.Concurrency, 8), CancellationToken = cancellationToken }, async (batch, token) =>
        {
            var first = batch * CreateBatch;
            var last = Math.Min(count, first + CreateBatch);
            var body = new StringBuilder();
            for (var i = first; i < last; i++)
            {
                body.Append(profiles.Capture(i, ndjson: true)).Append('\n');
            }
            using var content = new StringContent(body.ToString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(NdjsonWorkload.ContentType);
            using var response = await client.PostAsync("/api/v1/ingest", content, token);
            response.EnsureSuccessStatusCode();
            using var summary = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(token), cancellationToken: token);
            foreach (var result in summary.RootElement.GetProperty("results").EnumerateArray())
            {
                var line = result.GetProperty("line").GetInt32();
                ids[first + line - 1] = result.TryGetProperty("leadId", out var leadId)
                    ? leadId.GetString()!
                    : throw new InvalidOperationException($"Creating the leads: line {line} was not accepted: {result}");
            }
        });
        return new LeadPopulation(ids, options.HotLeads, options.HotTraffic);
    }
}
