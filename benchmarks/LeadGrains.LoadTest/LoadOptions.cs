using System.Globalization;

namespace LeadGrains.LoadTest;

/// <summary>
/// Command-line settings of a load run: <c>--url --api-key --mode --concurrency --duration --warmup --leads
/// --hot-leads --hot-traffic --batch --reps --rate --name --out</c>. <see cref="Rate"/> 0 is a closed loop
/// (each of <see cref="Concurrency"/> workers sends its next request when the last is answered); above 0 it is
/// an open loop at that fixed arrival rate, latency measured from each request's intended send time.
/// </summary>
public sealed record LoadOptions
{
    public const string Activities = "activities";
    public const string Captures = "captures";
    public const string Ndjson = "ndjson";
    public const string Mix = "mix";
    public const string Hello = "hello";
    public static readonly string[] Modes = [Activities, Captures, Ndjson, Mix, Hello];

    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public string ApiKey { get; init; } = "local-dev-key";
    public string Mode { get; init; } = Activities;
    public int Concurrency { get; init; } = 32;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Leads created before the run, that activities, NDJSON lines and hand-raises are sent to.</summary>
    public int Leads { get; init; } = 10_000;
    /// <summary>The hot share of the leads (0.2: a fifth of them) ...</summary>
    public double HotLeads { get; init; } = 0.2;
    /// <summary>... and the share of events that go to them (0.8: 80 % of events on 20 % of leads).</summary>
    public double HotTraffic { get; init; } = 0.8;
    /// <summary>Lines per NDJSON request.</summary>
    public int Batch { get; init; } = 100;
    /// <summary>Reps created up front with <c>PUT /api/v1/reps/{id}</c> in the default pool, so sales-ready leads are assigned.</summary>
    public int Reps { get; init; } = 50;
    /// <summary>Requests per second for an open loop; 0 for a closed loop.</summary>
    public double Rate { get; init; }
    /// <summary>The result's name in the JSON file and in RESULTS.md; the mode unless given.</summary>
    public string? Name { get; init; }
    /// <summary>Where to write the result as JSON; nowhere unless given.</summary>
    public string? Out { get; init; }

    public string ResultName => Name ?? Mode;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = Arguments.Parse(args);
        string? Get(string name) => values.GetValueOrDefault(name);
        int Number(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        double Real(string name, double fallback) => Get(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var defaults = new LoadOptions();
        var options = new LoadOptions
        {
            Url = Get("url") is { } url ? new Uri(url) : defaults.Url,
            ApiKey = Get("api-key") ?? defaults.ApiKey,
            Mode = Get("mode") ?? defaults.Mode,
            Concurrency = Number("concurrency", defaults.Concurrency),
            Duration = TimeSpan.FromSeconds(Real("duration", defaults.Duration.TotalSeconds)),
            Warmup = TimeSpan.FromSeconds(Real("warmup", defaults.Warmup.TotalSeconds)),
            Leads = Number("leads", defaults.Leads),
            HotLeads = Real("hot-leads", defaults.HotLeads),
            HotTraffic = Real("hot-traffic", defaults.HotTraffic),
            Batch = Number("batch", defaults.Batch),
            Reps = Number("reps", defaults.Reps),
            Rate = Real("rate", 0),
            Name = Get("name"),
            Out = Get("out"),
        };
        if (!Modes.Contains(options.Mode))
        {
            throw new ArgumentException($"--mode is one of {string.Join(", ", Modes)}, not '{options.Mode}'.");
        }
        if (options.Concurrency < 1 || options.Leads < 1 || options.Batch < 1 || options.Duration <= TimeSpan.Zero || options.Rate < 0
            || options.HotLeads is <= 0 or > 1 || options.HotTraffic is < 0 or > 1)
        {
            throw new ArgumentException("--concurrency, --leads, --batch and --duration must be positive, --rate at least 0, --hot-leads in (0, 1] and --hot-traffic in [0, 1].");
        }
        return options;
    }
}

/// <summary><c>--name value</c> pairs; a flag without a value is an error, so a typo is not silently ignored.</summary>
public static class Arguments
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--option value', got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        return values;
    }
}
