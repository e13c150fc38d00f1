using System.Globalization;
using LeadGrains.LoadTest.Workloads;

namespace LeadGrains.LoadTest;

/// <summary>A load run's figures: for a console line, a line for scripts, and a <see cref="ResultFile"/>.</summary>
public sealed class LoadResult(LoadOptions options, IWorkload workload, RunStats run)
{
    private WorkerStats Totals => run.Totals;

    public double Rate => Totals.Ok / run.Elapsed.TotalSeconds;

    public Dictionary<string, double> Figures()
    {
        var latency = Totals.All.Summarize();
        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rate"] = Rate,
            ["requests"] = Totals.Ok,
            ["errors"] = Totals.Errors,
            ["throttled"] = Totals.Throttled,
            ["not_sent"] = run.NotSent,
            ["seconds"] = run.Elapsed.TotalSeconds,
            ["concurrency"] = options.Concurrency,
            ["target_rate"] = options.Rate,
            ["leads"] = options.Leads,
            ["mean_ms"] = latency.MeanMs,
            ["p50_ms"] = latency.P50Ms,
            ["p90_ms"] = latency.P90Ms,
            ["p99_ms"] = latency.P99Ms,
            ["p999_ms"] = latency.P999Ms,
            ["max_ms"] = latency.MaxMs,
        };
        if (options.Mode == LoadOptions.Ndjson)
        {
            figures["batch"] = options.Batch;
            figures["lines"] = Totals.Lines;
            figures["rejected_lines"] = Totals.RejectedLines;
            figures["lines_per_s"] = Totals.Lines / run.Elapsed.TotalSeconds;
        }
        if (options.Rate > 0)
        {
            figures["scheduled"] = run.Scheduled;
            figures["service_p99_ms"] = Totals.Service.Summarize().P99Ms;
        }
        if (workload.Kinds.Count > 1)
        {
            for (var i = 0; i < workload.Kinds.Count; i++)
            {
                var kind = workload.Kinds[i];
                var summary = Totals.ByKind[i].Summarize();
                figures[$"{kind}_count"] = Totals.OkByKind[i];
                figures[$"{kind}_p50_ms"] = summary.P50Ms;
                figures[$"{kind}_p99_ms"] = summary.P99Ms;
                figures[$"{kind}_max_ms"] = summary.MaxMs;
                if (workload.Mark is { } mark && workload.MarkedKind == i)
                {
                    figures[$"{kind}_{mark}"] = Totals.MarkedByKind[i];
                }
            }
        }
        return figures;
    }

    public string Loop => options.Rate > 0
        ? string.Create(CultureInfo.InvariantCulture, $"open loop at {options.Rate:F0} req/s (up to {options.Concurrency} in flight; latency from the due time)")
        : string.Create(CultureInfo.InvariantCulture, $"closed loop, {options.Concurrency} concurrent");

    public string Describe()
    {
        var lines = options.Mode == LoadOptions.Ndjson
            ? string.Create(CultureInfo.InvariantCulture, $", {Totals.Lines / run.Elapsed.TotalSeconds:F0} lines/s ({options.Batch} lines a request, {Totals.RejectedLines} rejected)")
            : "";
        var statuses = string.Join(" ", Totals.Statuses.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{(pair.Key == 0 ? "no-answer" : pair.Key)}:{pair.Value}")));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{options.ResultName}: {Rate:F1} req/s{lines} over {run.Elapsed.TotalSeconds:F1} s, {Loop}; {Totals.Errors} errors ({Totals.Throttled} throttled), {run.NotSent} not sent; latency {Totals.All.Summarize()}; statuses {statuses}");
        for (var i = 0; workload.Kinds.Count > 1 && i < workload.Kinds.Count; i++)
        {
            var marked = workload.Mark is { } mark && workload.MarkedKind == i ? string.Create(CultureInfo.InvariantCulture, $", {Totals.MarkedByKind[i]} {mark}") : "";
            text += string.Create(CultureInfo.InvariantCulture, $"\n  {workload.Kinds[i]}: {Totals.OkByKind[i]} requests{marked}; {Totals.ByKind[i].Summarize()}");
        }
        return text;
    }

    /// <summary>One <c>key=value</c> line that scripts read (durable-ingest.sh reads <c>rate=</c>).</summary>
    public string ScriptLine() => "result mode=" + options.Mode + " " + string.Join(" ", Figures().Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value:0.###}")));

    public ResultFile ToFile(string command) => new(options.ResultName, Title(), Describe().Split('\n')[0] + " — " + command, Figures());

    private string Title() => options.Mode switch
    {
        LoadOptions.Hello => "hello-world ASP.NET Core, POST /",
        LoadOptions.Activities => "single-event ingest, POST /api/v1/leads/{id}/activities",
        LoadOptions.Captures => "captures of new leads, POST /api/v1/leads",
        LoadOptions.Ndjson => "NDJSON batches, POST /api/v1/ingest",
        _ => "mix: captures, engagement, hand-raises routed to reps",
    };
}
