using System.Globalization;

namespace LeadGrains.LoadTest;

/// <summary>Command-line settings: <c>--url --api-key --mode activities|captures --concurrency --duration --warmup --leads</c>.</summary>
public sealed record LoadOptions(Uri Url, string ApiKey, string Mode, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int Leads)
{
    public const string Activities = "activities";
    public const string Captures = "captures";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var mode = Get("mode", Activities);
        if (mode is not (Activities or Captures))
        {
            throw new ArgumentException($"--mode is '{Activities}' or '{Captures}', not '{mode}'.");
        }
        return new LoadOptions(
            new Uri(Get("url", "http://127.0.0.1:5080")),
            Get("api-key", "local-dev-key"),
            mode,
            Number("concurrency", 32),
            TimeSpan.FromSeconds(Number("duration", 20)),
            TimeSpan.FromSeconds(Number("warmup", 5)),
            Number("leads", 2000));
    }
}
