using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LeadGrains.LoadTest.Workloads;

/// <summary>
/// <c>ndjson</c>: <see cref="LoadOptions.Batch"/> lines per <c>POST /api/v1/ingest</c>, one in ten a capture of a new
/// lead and the rest activities naming existing leads by email, over the hot/cold population. A line counts once
/// the summary says it was applied (accepted or duplicate).
/// </summary>
public sealed class NdjsonWorkload(HttpClient client, LeadProfiles profiles, LoadOptions options) : IWorkload
{
    public const string ContentType = "application/x-ndjson";
    private LeadPopulation? _population;
    private long _nextCapture;

    public IReadOnlyList<string> Kinds { get; } = ["batch"];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await Reps.EnsureAsync(client, options.Reps, cancellationToken);
        _population = await LeadPopulation.CreateAsync(client, profiles, options.Leads, options, cancellationToken);
        // New leads are numbered past the population, so their emails never meet an existing lead's.
        _nextCapture = options.Leads + 1_000_000_000L;
    }

    public async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        var body = new StringBuilder(options.Batch * 128);
        for (var i = 0; i < options.Batch; i++)
        {
            body.Append(i % 10 == 0 ? profiles.Capture(Interlocked.Increment(ref _nextCapture), ndjson: true) : profiles.ActivityLine(_population!.Pick())).Append('\n');
        }
        using var content = new StringContent(body.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        using var response = await client.PostAsync("/api/v1/ingest", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new Outcome(0, (int)response.StatusCode);
        }
        var (applied, rejected) = Count(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return new Outcome(0, (int)response.StatusCode, applied, rejected);
    }

    /// <summary>Accepted plus duplicate, and rejected, from the summary's leading counts, without reading every line's result.</summary>
    public static (int Applied, int Rejected) Count(ReadOnlySpan<byte> summary)
    {
        var reader = new Utf8JsonReader(summary);
        int accepted = 0, duplicate = 0, rejected = 0, seen = 0;
        while (seen < 3 && reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "accepted": accepted = reader.GetInt32(); seen++; break;
                case "duplicate": duplicate = reader.GetInt32(); seen++; break;
                case "rejected": rejected = reader.GetInt32(); seen++; break;
                default: reader.Skip(); break;
            }
        }
        return (accepted + duplicate, rejected);
    }
}
