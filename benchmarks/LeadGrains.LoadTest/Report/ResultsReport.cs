using System.Globalization;
using System.Text;

namespace LeadGrains.LoadTest.Report;

/// <summary>
/// <c>report --results DIR --out FILE [--machine FILE] [--command TEXT] [--quick 1]</c>: renders benchmarks/RESULTS.md
/// from one run's result files (benchmarks/run-all.sh writes them): the machine, the command, and a table of every
/// figure with the baseline it is read against, the ratio, the target (issue 9) and whether it is met. A figure whose
/// step did not run is shown as missing, never guessed.
/// </summary>
public static class ResultsReport
{
    public static int Run(string[] args)
    {
        var options = Arguments.Parse(args);
        var folder = options.GetValueOrDefault("results") ?? throw new ArgumentException("--results DIR is required.");
        var output = options.GetValueOrDefault("out") ?? "benchmarks/RESULTS.md";
        var results = ResultFile.ReadAll(folder);
        var machine = options.GetValueOrDefault("machine") is { } path ? File.ReadAllLines(path) : [];
        var quick = options.GetValueOrDefault("quick") is "1" or "true";
        File.WriteAllText(output, Render(results, machine, options.GetValueOrDefault("command"), quick));
        Console.WriteLine($"wrote {output} from {results.Count} result files in {folder}");
        return 0;
    }

    public static string Render(IReadOnlyDictionary<string, ResultFile> results, IReadOnlyList<string> machine, string? command, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        if (quick)
        {
            text.AppendLine("> **QUICK smoke run** (`QUICK=1`): steps of a few seconds at small scale, to show that every step runs and")
                .AppendLine("> what this page looks like. These are not the figures: take those from a full run on a quiet machine.")
                .AppendLine();
        }
        text.AppendLine("Rendered by `benchmarks/run-all.sh` (see benchmarks/README.md). Every figure below was measured in the same run on")
            .AppendLine("the same machine, and each is read against a baseline from that run, so the ratios, not the absolute numbers,")
            .AppendLine("are what carries over to another machine. Load generator, server and database share the machine's cores.")
            .AppendLine();
        foreach (var line in machine)
        {
            text.Append("- ").AppendLine(line);
        }
        if (command is not null)
        {
            text.Append("- command: `").Append(command).AppendLine("`");
        }
        text.AppendLine().AppendLine("| figure | value | read against | ratio | target | met |").AppendLine("|---|---:|---|---:|---|---|");
        foreach (var row in Rows(new Figures(results)))
        {
            text.AppendLine(row.Render());
        }
        text.AppendLine().AppendLine("## Steps").AppendLine();
        foreach (var result in results.Values.OrderBy(result => result.Name, StringComparer.Ordinal))
        {
            text.Append("- **").Append(result.Name).Append("** (").Append(result.Title).Append("): ").AppendLine(result.Detail);
        }
        return text.ToString();
    }

    private static IEnumerable<Row> Rows(Figures f)
    {
        var hello = f["hello", "rate"];
        var raw = f["ingest", "raw_calls_per_s"];
        yield return new Row("hello-world ASP.NET Core, `POST /` (baseline)", Rate(hello, "req/s") + P99(f["hello", "p99_ms"]), "", null, "", null);
        yield return new Row("raw in-process grain calls, 16 in flight (baseline)", Rate(raw, "calls/s"), "", null, "", null);
        yield return new Row("`pgbench -N`, same PostgreSQL, durable defaults (baseline)", Rate(f["pgbench", "tps"], "tps"), "", null, "", null);

        var activities = f["activities", "rate"];
        yield return new Row("single-event HTTP ingest in memory (`activities`, closed loop)", Rate(activities, "req/s") + P99(f["activities", "p99_ms"]),
            "hello-world", activities / hello, "≥ 0.5", AtLeast(activities / hello, 0.5));

        var (fixedP99, fixedRate, fixedTarget) = (f["fixed", "p99_ms"], f["fixed", "rate"], f["fixed", "target_rate"]);
        var kept = fixedRate >= 0.98 * fixedTarget && f["fixed", "not_sent"] == 0 && f["fixed", "errors"] == 0;
        yield return new Row("single-event HTTP ingest at a fixed 0.5 × hello-world arrival rate (open loop), p99 from due time",
            Ms(fixedP99) + (fixedTarget is { } target ? Invariant($" at {fixedRate:N0} of {target:N0} req/s") : ""),
            "", null, "p99 < 10 ms at that rate", fixedP99 is null ? null : fixedP99 < 10 && kept);

        var captures = f["captures", "rate"];
        yield return new Row("captures of new leads over HTTP (`captures`)", Rate(captures, "req/s") + P99(f["captures", "p99_ms"]), "hello-world", captures / hello, "", null);

        var lines = f["ndjson", "lines_per_s"];
        yield return new Row("NDJSON ingest over HTTP in memory (`ndjson`)", Rate(lines, "lines/s") + (f["ndjson", "rate"] is { } batches ? Invariant($" ({batches:N1} batches/s)") : ""),
            "raw grain calls", lines / raw, "≥ 0.4", AtLeast(lines / raw, 0.4));
        var inProcess = f["ingest", "lines_per_s"];
        yield return new Row("NDJSON ingest in process, no HTTP (`ingest`)", Rate(inProcess, "lines/s"), "raw grain calls", inProcess / raw, "", null);

        yield return new Row("mix: captures, engagement, hand-raises routed (`mix`)", Rate(f["mix", "rate"], "req/s") + P99(f["mix", "p99_ms"]), "hello-world", f["mix", "rate"] / hello, "", null);
        yield return new Row("mix: hand-raise → assigned over HTTP", f["mix", "hand_raise_p99_ms"] is { } raise ? Invariant($"{raise:N2} ms p99; {f["mix", "hand_raise_assigned"]:N0} of {f["mix", "hand_raise_count"]:N0} assigned") : "missing", "", null, "", null);

        var durable = f["durable", "rate"];
        yield return new Row("durable single-event ingest on PostgreSQL (`activities`)", Rate(durable, "req/s") + P99(f["durable", "p99_ms"]),
            "`pgbench -N`", durable / f["pgbench", "tps"], "≥ 1.0", AtLeast(durable / f["pgbench", "tps"], 1.0));

        var handoff = f["handoff", "p99_ms"];
        yield return new Row("sales-ready → assigned, in process (`handoff`)", handoff is null ? "missing" : Invariant($"{handoff:N2} ms p99 ({f["handoff", "rate"]:N0}/s, {f["handoff", "leads"]:N0} leads)"),
            "", null, "p99 < 5 ms", handoff is null ? null : handoff < 5);

        var deadlines = f["deadlines", "leads"];
        var breach = f["deadlines", "p99_ms"];
        yield return new Row("SLA breach acted on after its deadline (`deadlines`)", breach is null ? "missing" : Invariant($"{breach:N1} ms p99, max {f["deadlines", "max_ms"]:N1} ms, {f["deadlines", "missed"]:N0} missed, {deadlines:N0} open"),
            "", null, "p99 < 1 s with 100,000 open", breach is null ? null : deadlines >= 100_000 ? breach < 1000 && f["deadlines", "missed"] == 0 && f["deadlines", "all_open_at_once"] == 1 : null);

        var memoryLeads = f["memory", "leads"];
        var perLead = f["memory", "bytes_per_lead"];
        yield return new Row("managed heap per resident lead (`memory`)", perLead is null ? "missing" : Invariant($"{perLead:N0} bytes ({memoryLeads:N0} leads)"),
            "", null, "≤ 4 KB with 1,000,000", perLead is null ? null : memoryLeads >= 1_000_000 ? perLead <= 4096 : null);
        var (sample, intact) = (f["memory", "sample"], f["memory", "sample_intact"]);
        yield return new Row("idle leads deactivate and reactivate intact (`memory`)",
            sample is null ? "missing" : Invariant($"{intact:N0} of {sample:N0} intact; lead grains {f["memory", "lead_activations_resident"]:N0} → {f["memory", "lead_activations_idle"]:N0} after collection"),
            "", null, "all intact", sample is null ? null : intact == sample && f["memory", "lead_activations_idle"] < f["memory", "lead_activations_resident"]);
    }

    private static string Rate(double? value, string unit) => value is null ? "missing" : Invariant($"{value:N0} {unit}");

    private static string P99(double? ms) => ms is null ? "" : Invariant($", p99 {ms:N2} ms");

    private static string Ms(double? ms) => ms is null ? "missing" : Invariant($"{ms:N2} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Figures(IReadOnlyDictionary<string, ResultFile> results)
    {
        public double? this[string result, string figure] =>
            results.TryGetValue(result, out var file) && file.Figures.TryGetValue(figure, out var value) && !double.IsNaN(value) ? value : null;
    }

    /// <summary>Whether a ratio reaches its floor; not judged when a figure is missing.</summary>
    private static bool? AtLeast(double? ratio, double floor) => ratio is null ? null : ratio >= floor;

    private sealed record Row(string Figure, string Value, string Against, double? Ratio, string Target, bool? Met)
    {
        public string Render()
        {
            // Not judged: a figure is missing, or the run was smaller than the scale the target names.
            var verdict = Target.Length == 0 ? "" : Met switch { true => "met", false => "**not met**", null => "not judged" };
            return Invariant($"| {Figure} | {Value} | {Against} | {(Ratio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "")} | {Target} | {verdict} |");
        }
    }
}
