using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Configuration;

/// <summary>
/// The whole operator configuration (DESIGN §8): scoring, routing and service levels, versioned.
/// <c>PUT /config</c> takes the whole document with the version it was read at.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EngineConfig
{
    [Id(0)] public long Version { get; init; }
    [Id(1)] public ScoringModel Scoring { get; init; } = new();
    [Id(2)] public RoutingConfig Routing { get; init; } = new();
    [Id(3)] public SlaConfig Sla { get; init; } = new();
}

[GenerateSerializer, Immutable]
public sealed record RoutingConfig
{
    /// <summary>Tried in order; the first whose match holds wins; a pool without match catches every lead.</summary>
    [Id(0)] public IReadOnlyList<PoolRule> Pools { get; init; } = [];
    /// <summary>When set, sales-ready leads go to this pool's SDRs (stage <c>qualifying</c>) first.</summary>
    [Id(1)] public string? SdrPool { get; init; }
    /// <summary>A lead whose account domain already has an owning rep goes to that rep.</summary>
    [Id(2)] public bool AccountMatch { get; init; } = true;
}

/// <summary>A pool and the lead attributes that route to it: every field must match one of its values.</summary>
[GenerateSerializer, Immutable]
public sealed record PoolRule
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public IReadOnlyDictionary<string, IReadOnlyList<string>>? Match { get; init; }
    [Id(2)] public string? ManagerEmail { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record SlaConfig
{
    [Id(0)] public FirstTouchSla FirstTouch { get; init; } = new();
    /// <summary>The fraction of the first-touch window after which a warning is raised.</summary>
    [Id(1)] public double WarningFraction { get; init; } = 0.75;
    [Id(2)] public int MaxBreaches { get; init; } = 2;
    [Id(3)] public ExhaustedAction OnExhausted { get; init; } = ExhaustedAction.Queue;
    /// <summary>Maximum time without sales activity per stage (<c>qualifying</c>, <c>assigned</c>, <c>working</c>, <c>opportunity</c>).</summary>
    [Id(4)] public IReadOnlyDictionary<string, TimeSpan> Stall { get; init; } = new Dictionary<string, TimeSpan>();
}

[GenerateSerializer, Immutable]
public sealed record FirstTouchSla
{
    [Id(0)] public TimeSpan High { get; init; } = TimeSpan.FromMinutes(15);
    [Id(1)] public TimeSpan Normal { get; init; } = TimeSpan.FromHours(4);
}

public enum ExhaustedAction
{
    Queue,
    Recycle,
}
