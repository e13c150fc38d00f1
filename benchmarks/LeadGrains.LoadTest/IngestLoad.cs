using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LeadGrains.LoadTest;

/// <summary>
/// Closed-loop load: <see cref="LoadOptions.Concurrency"/> workers, each sending its next request when the last
/// one is answered. Every activity has a new event id, so every acknowledged request is one durable write.
/// </summary>
public sealed class IngestLoad(HttpClient client, LoadOptions options)
{
    private long _sequence;

    public async Task<string[]> CreateLeadsAsync(CancellationToken cancellationToken)
    {
        var leads = new string[options.Leads];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < leads.Length; i = Interlocked.Increment(ref next))
            {
                using var response = await client.PostAsJsonAsync("/api/v1/leads", Capture(), cancellationToken);
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                leads[i] = body.RootElement.GetProperty("leadId").GetString()!;
            }
        }));
        return leads;
    }

    public async Task<LatencyReport> RunAsync(string[] leads, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = Enumerable.Range(0, options.Concurrency).Select(_ => new List<long>(capacity: 64 * 1024)).ToArray();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(latencies.Select((ticks, worker) => Task.Run(async () =>
        {
            for (var i = worker; clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; i += options.Concurrency)
            {
                var started = Stopwatch.GetTimestamp();
                if (await SendAsync(leads, i, cancellationToken))
                {
                    ticks.Add(Stopwatch.GetTimestamp() - started);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, cancellationToken)));
        return new LatencyReport(latencies, errors, clock.Elapsed);
    }

    private async Task<bool> SendAsync(string[] leads, int i, CancellationToken cancellationToken)
    {
        try
        {
            using var response = options.Mode == LoadOptions.Captures
                ? await client.PostAsJsonAsync("/api/v1/leads", Capture(), cancellationToken)
                : await client.PostAsJsonAsync($"/api/v1/leads/{leads[i % leads.Length]}/activities",
                    new { eventId = $"load-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}", type = "page_view" }, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private object Capture() => new
    {
        email = $"load.{Interlocked.Increment(ref _sequence)}.{Guid.NewGuid():N}@bench.example",
        title = "VP Engineering",
        employees = 500,
        source = "benchmark",
    };
}
