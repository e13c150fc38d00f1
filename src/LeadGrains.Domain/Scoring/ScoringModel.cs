namespace LeadGrains.Domain.Scoring;

/// <summary>
/// The scoring half of the configuration (DESIGN §2): fit rules over attributes, points per
/// activity type with a daily cap, time decay, the two-dimensional sales-ready grade, the
/// activity types that fast-track a lead, and what disqualifies one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoringModel
{
    [Id(0)] public IReadOnlyList<FitRule> Fit { get; init; } = [];
    [Id(1)] public IReadOnlyDictionary<string, ActivityRule> Activities { get; init; } = new Dictionary<string, ActivityRule>();
    /// <summary>Time after which an activity's points count half (continuous, DESIGN §2).</summary>
    [Id(2)] public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(14);
    [Id(3)] public SalesReadyGrade SalesReady { get; init; } = new();
    [Id(4)] public IReadOnlyList<string> FastTrack { get; init; } = [];
    [Id(5)] public Disqualifiers Disqualify { get; init; } = new();
}

/// <summary>
/// A fit rule: when the field matches, the rule adds its points once. A rule matches when any
/// of <see cref="EqualsAny"/> equals the value, any of <see cref="ContainsAny"/> is inside it,
/// or the value, read as a number, lies within <see cref="Min"/>..<see cref="Max"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FitRule
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Field { get; init; } = "";
    [Id(2)] public IReadOnlyList<string>? EqualsAny { get; init; }
    [Id(3)] public IReadOnlyList<string>? ContainsAny { get; init; }
    [Id(4)] public double? Min { get; init; }
    [Id(5)] public double? Max { get; init; }
    [Id(6)] public decimal Points { get; init; }
}

/// <summary>Points per activity of a type; positive points count at most <see cref="DailyCap"/> a UTC day.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityRule
{
    [Id(0)] public decimal Points { get; init; }
    [Id(1)] public decimal? DailyCap { get; init; }
}

/// <summary>Sales-ready when total ≥ threshold and fit ≥ minimum fit and engagement ≥ minimum engagement.</summary>
[GenerateSerializer, Immutable]
public sealed record SalesReadyGrade
{
    [Id(0)] public decimal Threshold { get; init; } = 60;
    [Id(1)] public decimal MinFit { get; init; } = 20;
    [Id(2)] public decimal MinEngagement { get; init; } = 15;
}

[GenerateSerializer, Immutable]
public sealed record Disqualifiers
{
    /// <summary>Competitor domains: a lead whose email or company domain is one of them is disqualified.</summary>
    [Id(0)] public IReadOnlyList<string> Domains { get; init; } = [];
    /// <summary>Activity types that disqualify on sight (default: <c>hard_bounce</c>).</summary>
    [Id(1)] public IReadOnlyList<string> Activities { get; init; } = [];
}
