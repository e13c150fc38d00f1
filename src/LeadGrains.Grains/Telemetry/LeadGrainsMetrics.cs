using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LeadGrains.Grains.Telemetry;

/// <summary>
/// The <c>LeadGrains</c> meter (DESIGN §7): what the funnel does, for dashboards and alerts.
/// Every label has a bounded set of values (configured activity types and pools, fixed reasons),
/// never a lead, rep or person.
/// </summary>
public static class LeadGrainsMetrics
{
    public const string MeterName = "LeadGrains";

    private static readonly Meter Meter = new(MeterName, "1.0.0");
    private static readonly ConcurrentDictionary<string, int> QueueDepths = new(StringComparer.Ordinal);

    private static readonly Counter<long> Captured = Meter.CreateCounter<long>(
        "leadgrains.leads.captured", "{lead}", "Leads created by a first capture.");
    private static readonly Counter<long> ActivityCount = Meter.CreateCounter<long>(
        "leadgrains.activities", "{activity}", "Engagement activities recorded, by type; a repeated event id is not counted.");
    private static readonly Counter<long> SalesReadyCount = Meter.CreateCounter<long>(
        "leadgrains.leads.sales_ready", "{lead}", "Leads that scoring made sales-ready, by priority.");
    private static readonly Counter<long> HandoffCount = Meter.CreateCounter<long>(
        "leadgrains.handoffs", "{lead}", "Leads handed to a rep, by pool.");
    private static readonly Counter<long> RecycleCount = Meter.CreateCounter<long>(
        "leadgrains.leads.recycled", "{lead}", "Leads sent back to marketing, by reason.");
    private static readonly Histogram<double> FirstTouch = Meter.CreateHistogram(
        "leadgrains.lead.first_touch", "s", "Time from a lead's assignment to its first sales touch.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800, 604_800] });
    private static readonly Counter<long> SlaWarningCount = Meter.CreateCounter<long>(
        "leadgrains.sla.warnings", "{lead}", "First-touch SLA warnings, by pool.");
    private static readonly Counter<long> SlaBreachCount = Meter.CreateCounter<long>(
        "leadgrains.sla.breaches", "{lead}", "First-touch SLA breaches, by pool.");
    private static readonly Counter<long> WebhookDeliveryCount = Meter.CreateCounter<long>(
        "leadgrains.webhooks.deliveries", "{delivery}", "Outbound webhook deliveries acknowledged, by event type.");
    private static readonly Counter<long> WebhookFailureCount = Meter.CreateCounter<long>(
        "leadgrains.webhooks.failures", "{delivery}", "Outbound webhook attempts that failed, by event type.");
    private static readonly Counter<long> IngestLineCount = Meter.CreateCounter<long>(
        "leadgrains.ingest.lines", "{line}", "NDJSON ingest lines, by result (accepted, duplicate, rejected).");

    static LeadGrainsMetrics()
    {
        Meter.CreateObservableGauge("leadgrains.pool.queue_depth", ObserveQueueDepths, "{lead}",
            "Leads waiting for a rep, per pool, reported by the silo where the pool is active.");
    }

    public static void LeadCaptured() => Captured.Add(1);

    public static void ActivityRecorded(string type) => ActivityCount.Add(1, new KeyValuePair<string, object?>("type", type));

    public static void BecameSalesReady(string priority) => SalesReadyCount.Add(1, new KeyValuePair<string, object?>("priority", priority));

    public static void HandedOff(string pool) => HandoffCount.Add(1, new KeyValuePair<string, object?>("pool", pool));

    public static void Recycled(string reason) => RecycleCount.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void FirstTouched(TimeSpan sinceAssigned) => FirstTouch.Record(Math.Max(0, sinceAssigned.TotalSeconds));

    /// <summary>The queue of <paramref name="pool"/> as this silo last stored it; <c>null</c> when the pool left this silo.</summary>
    public static void QueueDepth(string pool, int? depth)
    {
        if (depth is { } waiting)
        {
            QueueDepths[pool] = waiting;
        }
        else
        {
            QueueDepths.TryRemove(pool, out _);
        }
    }

    public static void SlaWarned(string pool) => SlaWarningCount.Add(1, new KeyValuePair<string, object?>("pool", pool));

    public static void SlaBreached(string pool) => SlaBreachCount.Add(1, new KeyValuePair<string, object?>("pool", pool));

    // Recorded by the webhook and ingest work that follows; defined now so dashboards and alerts can be built once.
    public static void WebhookDelivered(string eventType) => WebhookDeliveryCount.Add(1, new KeyValuePair<string, object?>("event_type", eventType));

    public static void WebhookFailed(string eventType) => WebhookFailureCount.Add(1, new KeyValuePair<string, object?>("event_type", eventType));

    public static void IngestLine(string result) => IngestLineCount.Add(1, new KeyValuePair<string, object?>("result", result));

    private static IEnumerable<Measurement<int>> ObserveQueueDepths() =>
        QueueDepths.Select(pool => new Measurement<int>(pool.Value, new KeyValuePair<string, object?>("pool", pool.Key)));
}
