namespace LeadGrains.Domain.Reps;

/// <summary>A sales rep as operators describe them (DESIGN §8).</summary>
[GenerateSerializer, Immutable]
public sealed record RepProfile
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string? Email { get; init; }
    [Id(2)] public IReadOnlyList<string> Pools { get; init; } = [];
    /// <summary>Maximum open leads at once.</summary>
    [Id(3)] public int Capacity { get; init; } = 25;
    /// <summary>Relative share of a pool's leads under weighted round robin.</summary>
    [Id(4)] public int Weight { get; init; } = 1;
    /// <summary>Countries or regions the rep covers inside their pools; empty covers all.</summary>
    [Id(5)] public IReadOnlyList<string> Territories { get; init; } = [];
    [Id(6)] public string? ManagerEmail { get; init; }
    [Id(7)] public bool Active { get; init; } = true;
}

/// <summary>Out of office: unavailable until <see cref="Until"/> when given, otherwise until told back.</summary>
[GenerateSerializer, Immutable]
public sealed record Availability([property: Id(0)] bool Available, [property: Id(1)] DateTimeOffset? Until = null)
{
    public static readonly Availability Present = new(true);

    /// <summary>Whether the rep takes leads at <paramref name="now"/>: a leave with an end is over once it has passed.</summary>
    public bool IsAvailableAt(DateTimeOffset now) => Available || (Until is { } until && until <= now);
}

/// <summary>
/// What a pool needs to know about a member to route fairly: its weight, capacity, load and
/// availability. Sent by whoever last heard from the rep grain, which owns these facts.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RepSnapshot
{
    [Id(0)] public string RepId { get; init; } = "";
    [Id(1)] public IReadOnlyList<string> Pools { get; init; } = [];
    [Id(2)] public int Weight { get; init; } = 1;
    [Id(3)] public int Capacity { get; init; }
    [Id(4)] public int OpenLeads { get; init; }
    [Id(5)] public bool Active { get; init; } = true;
    [Id(6)] public Availability Availability { get; init; } = Availability.Present;
    [Id(7)] public IReadOnlyList<string> Territories { get; init; } = [];
    /// <summary>Increases with every change at the rep, so a pool can ignore news older than what it knows.</summary>
    [Id(8)] public long Revision { get; init; }

    public bool HasCapacity => OpenLeads < Capacity;
}
