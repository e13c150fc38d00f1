using System.Collections.Concurrent;
using System.Text;

namespace LeadGrains.LoadTest.Workloads;

/// <summary>
/// <c>mix</c>: the funnel running: 15 % captures of new leads, 75 % engagement on existing leads (hot/cold), and
/// 10 % hand-raises (<c>demo_request</c>, fast-tracked under the shipped model) on leads that have not raised a hand
/// yet, each of which makes the lead sales-ready, routes it through the catch-all pool's round robin to one of the
/// reps created up front, and starts its first-touch SLA clock. Organic engagement also tips some strong-fit leads
/// over the sales-ready bar. A hand-raise answered with the lead <c>assigned</c> is marked.
/// </summary>
public sealed class MixWorkload(HttpClient client, LeadProfiles profiles, LoadOptions options) : IWorkload
{
    private const int Capture = 0;
    private const int Activity = 1;
    private const int HandRaise = 2;
    private static readonly byte[] AssignedStage = Encoding.UTF8.GetBytes("\"stage\":\"assigned\"");

    private readonly ConcurrentQueue<string> _notYetRaised = new();
    private LeadPopulation? _population;
    private long _nextCapture;

    public IReadOnlyList<string> Kinds { get; } = ["capture", "activity", "hand_raise"];

    public string? Mark => "assigned";

    public int MarkedKind => HandRaise;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await Reps.EnsureAsync(client, options.Reps, cancellationToken);
        _population = await LeadPopulation.CreateAsync(client, profiles, options.Leads, options, cancellationToken);
        foreach (var leadId in _population.Ids.OrderBy(_ => Random.Shared.Next()))
        {
            _notYetRaised.Enqueue(leadId);
        }
        _nextCapture = options.Leads + 1_000_000_000L;
    }

    public async Task<Outcome> SendAsync(CancellationToken cancellationToken)
    {
        var draw = Random.Shared.Next(100);
        if (draw >= 90 && _notYetRaised.TryDequeue(out var raising))
        {
            using var content = Json.Content(profiles.Activity("demo_request"));
            using var response = await client.PostAsync($"/api/v1/leads/{raising}/activities", content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new Outcome(HandRaise, (int)response.StatusCode, Marked: body.AsSpan().IndexOf(AssignedStage) >= 0);
        }
        if (draw < 15 || draw >= 90)
        {
            using var content = Json.Content(profiles.Capture(Interlocked.Increment(ref _nextCapture)));
            using var response = await client.PostAsync("/api/v1/leads", content, cancellationToken);
            if (response.IsSuccessStatusCode && LeadIdOf(await response.Content.ReadAsByteArrayAsync(cancellationToken)) is { } leadId)
            {
                _notYetRaised.Enqueue(leadId);
            }
            return new Outcome(Capture, (int)response.StatusCode);
        }
        {
            using var content = Json.Content(profiles.Activity());
            using var response = await client.PostAsync($"/api/v1/leads/{_population!.Ids[_population.Pick()]}/activities", content, cancellationToken);
            return new Outcome(Activity, (int)response.StatusCode);
        }
    }

    private static readonly byte[] LeadIdProperty = Encoding.UTF8.GetBytes("\"leadId\":\"");

    private static string? LeadIdOf(ReadOnlySpan<byte> view)
    {
        var start = view.IndexOf(LeadIdProperty);
        if (start < 0)
        {
            return null;
        }
        var rest = view[(start + LeadIdProperty.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }
}
