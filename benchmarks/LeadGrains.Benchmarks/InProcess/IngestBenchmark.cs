using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LeadGrains.Abstractions.Leads;
using LeadGrains.Grains.Hosting;
using LeadGrains.Grains.Leads;
using LeadGrains.Host.Ingest;
using LeadGrains.Host.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadGrains.Benchmarks.InProcess;

/// <summary>
/// NDJSON batch ingest in memory against the raw grain-call rate, both measured in this run: the
/// batch goes through the host's own reader and ingest pipeline (parse, validate, resolve the lead,
/// apply, store) without HTTP; the baseline is a trivial read-only grain call with the same concurrency
/// (the ingest's 16 lanes).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services =>
            {
                services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => JsonSetup.Apply(options.SerializerOptions));
                services.AddSingleton<LeadEventIngest>();
            })
            .UseOrleans(silo => silo.UseLocalhostClustering().AddLeadGrains().AddLeadGrainsMemoryStorage())
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var ingest = host.Services.GetRequiredService<LeadEventIngest>();

        // Leads: one capture line per 10 lines, then activities naming them by email.
        var leads = Math.Max(1, lines / 10);
        var body = new StringBuilder();
        for (var i = 0; i < leads; i++)
        {
            body.AppendLine(JsonSerializer.Serialize(new { kind = "capture", email = $"lead{i}@co{i}.example", title = "Director", employees = 300, country = "US" }));
        }
        var types = new[] { "page_view", "email_open", "email_click", "pricing_page_view", "content_download" };
        for (var i = 0; i < lines - leads; i++)
        {
            body.AppendLine(JsonSerializer.Serialize(new { kind = "activity", email = $"lead{i % leads}@co{i % leads}.example", eventId = $"e{i}", type = types[i % types.Length] }));
        }
        var bytes = Encoding.UTF8.GetBytes(body.ToString());

        // Warm both paths once, small.
        await RawCallsAsync(grains, leads, 10_000);
        var rawRate = await RawCallsAsync(grains, leads, 200_000);

        var clock = Stopwatch.StartNew();
        var summary = await ingest.IngestAsync(NdjsonReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var ingestRate = lines / seconds;

        Console.WriteLine($"# NDJSON ingest in memory: {lines:N0} lines ({leads:N0} captures, the rest activities by email), {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| measurement | per second |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| raw grain calls (read-only, 16 in flight) | {rawRate:N0} |");
        Console.WriteLine($"| NDJSON lines ingested (parse, validate, resolve, apply, store) | {ingestRate:N0} |");
        Console.WriteLine();
        Console.WriteLine($"accepted {summary.Accepted:N0}, duplicate {summary.Duplicate:N0}, rejected {summary.Rejected:N0}; ratio ingest/raw: {ingestRate / rawRate:F2}");
        ResultOutput.Write("ingest", "NDJSON ingest in process against raw grain calls",
            $"{lines:N0} lines ({leads:N0} captures, the rest activities by email) through the host's reader and pipeline without HTTP: {ingestRate:N0} lines/s; raw read-only grain calls with {LeadEventIngest.Lanes} in flight: {rawRate:N0}/s",
            new()
            {
                ["lines"] = lines,
                ["raw_calls_per_s"] = rawRate,
                ["raw_concurrency"] = LeadEventIngest.Lanes,
                ["lines_per_s"] = ingestRate,
                ["accepted"] = summary.Accepted,
                ["rejected"] = summary.Rejected,
            });
        await host.StopAsync();
        return summary.Rejected == 0 ? 0 : 1;
    }

    private static async Task<double> RawCallsAsync(IGrainFactory grains, int keys, int calls)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, calls, new ParallelOptions { MaxDegreeOfParallelism = LeadEventIngest.Lanes }, async (i, _) =>
            await grains.GetGrain<ILeadIndexGrain>($"bench/{i % keys}").GetAsync());
        return calls / clock.Elapsed.TotalSeconds;
    }
}
