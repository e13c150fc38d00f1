using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Production.Tests.Hosting;
using LeadGrains.Testing;
using Xunit.Abstractions;

namespace LeadGrains.Production.Tests;

/// <summary>
/// Acknowledged means durable (DESIGN §9), across silos: two real host processes form one cluster on PostgreSQL,
/// take captures and activities in parallel, one is SIGKILLed mid-load, and every write that got a 2xx is then
/// found through the survivor. Open SLA deadlines are not checked yet: the SLA clocks are not built.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloKillTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int MaxLeadsPerWorker = 100;
    private const int ActivitiesPerLead = 2;
    private const int AcknowledgedBeforeKill = 150;
    private static readonly TimeSpan MaxLoadBeforeKill = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 240_000)]
    public async Task Every_acknowledged_capture_and_activity_is_found_through_the_survivor_after_the_other_silo_is_killed()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = $"kill-{Guid.NewGuid():N}";
        await using var survivor = HostProcess.StartSilo(database, clusterId);
        await using var victim = HostProcess.StartSilo(database, clusterId);
        await Task.WhenAll(survivor.WaitUntilReadyAsync(), victim.WaitUntilReadyAsync());
        await Membership.WaitForActiveSilosAsync(database, clusterId, 2, TimeSpan.FromSeconds(30));
        using var viaSurvivor = survivor.Client(RequestTimeout);
        using var viaVictim = victim.Client(RequestTimeout);

        var ledger = new Ledger();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers)
            .Select(worker => Task.Run(() => SendAsync(worker, [viaSurvivor, viaVictim], ledger, stop.Token)))
            .ToArray();
        await ledger.WaitForAsync(AcknowledgedBeforeKill, MaxLoadBeforeKill);
        victim.Kill();
        var acknowledgedAtKill = ledger.Count;
        stop.CancelAfter(LoadAfterKill);
        await Task.WhenAll(load);

        Assert.True(acknowledgedAtKill >= AcknowledgedBeforeKill, $"Only {acknowledgedAtKill} writes were acknowledged before the kill.");
        Assert.True(ledger.ThroughVictim > 0, "No write was acknowledged by the silo that was killed.");
        var recovery = Stopwatch.StartNew();
        var missing = await ledger.FindMissingAsync(viaSurvivor, RecoveryDeadline);
        output.WriteLine($"{ledger.Count} writes acknowledged ({acknowledgedAtKill} before the kill, {ledger.ThroughVictim} by the killed silo) " +
            $"on {ledger.Leads} leads; all read back through the survivor within {recovery.Elapsed.TotalSeconds:F1} s.");
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {ledger.Leads} leads lack acknowledged writes after the kill: {string.Join("; ", missing.Take(10))}. Survivor: {survivor.Output}");
    }

    /// <summary>One worker: capture a lead, then record activities on it, each request through the next silo in turn.</summary>
    private static async Task SendAsync(int worker, HttpClient[] silos, Ledger ledger, CancellationToken stop)
    {
        var turn = worker;
        for (var lead = 0; lead < MaxLeadsPerWorker && !stop.IsCancellationRequested; lead++)
        {
            var silo = turn++ % silos.Length;
            var email = $"w{worker}.l{lead}.{Guid.NewGuid():N}@kill.example";
            if (await TrySendAsync(silos[silo], "/api/v1/leads", new { email, title = "Director" }, stop) is not { } captured)
            {
                continue;
            }
            var leadId = captured.GetProperty("leadId").GetString()!;
            ledger.Acknowledge(leadId, eventId: null, silo);
            for (var activity = 0; activity < ActivitiesPerLead && !stop.IsCancellationRequested; activity++)
            {
                silo = turn++ % silos.Length;
                var eventId = $"{leadId}-{activity}";
                if (await TrySendAsync(silos[silo], $"/api/v1/leads/{leadId}/activities", new { eventId, type = "page_view" }, stop) is not null)
                {
                    ledger.Acknowledge(leadId, eventId, silo);
                }
            }
        }
    }

    /// <summary>The response body of a 2xx; null for anything else, which acknowledges nothing.</summary>
    private static async Task<System.Text.Json.JsonElement?> TrySendAsync(HttpClient client, string path, object body, CancellationToken stop)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(path, body, stop);
            return response.IsSuccessStatusCode ? await response.JsonAsync() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every acknowledged write: the leads, and the activity event ids each must show.</summary>
    private sealed class Ledger
    {
        private const int Victim = 1;
        private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _leads = new(StringComparer.Ordinal);
        private int _count;
        private int _throughVictim;

        public int Count => Volatile.Read(ref _count);
        public int ThroughVictim => Volatile.Read(ref _throughVictim);
        public int Leads => _leads.Count;

        public void Acknowledge(string leadId, string? eventId, int silo)
        {
            var events = _leads.GetOrAdd(leadId, _ => []);
            if (eventId is not null)
            {
                events.Add(eventId);
            }
            Interlocked.Increment(ref _count);
            if (silo == Victim)
            {
                Interlocked.Increment(ref _throughVictim);
            }
        }

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (Count < count && deadline.Elapsed < timeout)
            {
                await Task.Delay(50);
            }
        }

        /// <summary>
        /// Reads every acknowledged lead through <paramref name="client"/> until each shows all its acknowledged
        /// activities. Reads may fail until the cluster has declared the killed silo dead; a lead is only missing
        /// when the deadline passes without it reading back whole.
        /// </summary>
        public async Task<List<string>> FindMissingAsync(HttpClient client, TimeSpan timeout)
        {
            var pending = _leads.ToDictionary(lead => lead.Key, lead => lead.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var lastSeen = new Dictionary<string, string>(StringComparer.Ordinal);
            var deadline = Stopwatch.StartNew();
            while (pending.Count > 0 && deadline.Elapsed < timeout)
            {
                foreach (var (leadId, events) in pending.ToList())
                {
                    try
                    {
                        using var response = await client.GetAsync($"/api/v1/leads/{leadId}");
                        if (!response.IsSuccessStatusCode)
                        {
                            lastSeen[leadId] = $"{leadId}: HTTP {(int)response.StatusCode}";
                            continue;
                        }
                        var seen = (await response.JsonAsync()).TimelineEventIds().ToHashSet(StringComparer.Ordinal);
                        var absent = events.Where(e => !seen.Contains(e)).ToList();
                        if (absent.Count == 0)
                        {
                            pending.Remove(leadId);
                        }
                        else
                        {
                            lastSeen[leadId] = $"{leadId}: no {string.Join(", ", absent)}";
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        lastSeen[leadId] = $"{leadId}: {ex.GetType().Name}";
                    }
                }
                if (pending.Count > 0)
                {
                    await Task.Delay(500);
                }
            }
            return [.. pending.Keys.Select(leadId => lastSeen.GetValueOrDefault(leadId, leadId))];
        }
    }
}
