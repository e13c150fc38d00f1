namespace LeadGrains.Host.Hosting;

/// <summary>The <c>LeadGrains</c> configuration section (DESIGN §8).</summary>
public sealed class LeadGrainsOptions
{
    public const string Section = "LeadGrains";

    /// <summary><c>Memory</c> (the embedded default, not durable) or <c>Postgres</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;
    public string ClusterId { get; set; } = "leadgrains";
    public string ServiceId { get; set; } = "leadgrains";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>Address this silo advertises to the others and listens on; loopback unless set (Postgres only).</summary>
    public string? AdvertisedIPAddress { get; set; }
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
    public ApiLimits Api { get; set; } = new();
    public CrmWebhookOptions CrmWebhook { get; set; } = new();
    public OutboundWebhookOptions Webhooks { get; set; } = new();
    /// <summary>Seeds pools and reps and streams synthetic leads, engagement and sales actions (DESIGN §9); see <c>Demo/</c>.</summary>
    public bool Demo { get; set; }
    /// <summary>Synthetic leads captured per second of business time in demo mode.</summary>
    public double DemoRate { get; set; } = 2;
    /// <summary>The seed of demo mode's generator: the same seed and the same timing give the same run.</summary>
    public int DemoSeed { get; set; } = 42;
    /// <summary>This silo's name in the cluster and on the dashboard (in Kubernetes, the pod's name); Orleans picks one unless set.</summary>
    public string? SiloName { get; set; }
    /// <summary>How long a stop may take before the host gives up waiting (<c>HostOptions.ShutdownTimeout</c>).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long the host keeps serving, not ready, after a stop begins, so that load balancers stop sending first.</summary>
    public TimeSpan ShutdownDrainDelay { get; set; } = TimeSpan.Zero;
}

public enum StorageKind
{
    Memory,
    Postgres,
}

public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
}

public sealed class ApiLimits
{
    /// <summary>Largest request body accepted; a larger one gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Largest NDJSON batch <c>/api/v1/ingest</c> accepts; it is read as a stream, never held whole.</summary>
    public long MaxIngestBytes { get; set; } = 64L * 1024 * 1024;
    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class CrmWebhookOptions
{
    /// <summary>The shared secret the CRM signs deliveries with; without it every delivery is refused.</summary>
    public string Secret { get; set; } = "";
    /// <summary>How long a delivery id is remembered, so that a repeat within it is applied once.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Requests per API key: <see cref="PermitsPerSecond"/> sustained, bursts up to <see cref="Burst"/>; 0 turns limiting off.</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 10_000;
    public int Burst { get; set; } = 20_000;
}

public sealed class OutboundWebhookOptions
{
    /// <summary>Whether subscriptions may target private and loopback addresses; unset means only in Development.</summary>
    public bool? AllowPrivateNetworks { get; set; }
}
