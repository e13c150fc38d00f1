namespace LeadGrains.Domain.Scoring;

/// <summary>
/// A score at one moment, with the contributions that make it up. By construction
/// <see cref="Fit"/> + <see cref="Engagement"/> = <see cref="Total"/> and the explanation's
/// points sum to the total: every contribution is rounded once, and totals are sums of them.
/// <see cref="MeetsGrade"/> is the two-dimensional grade alone; <see cref="SalesReady"/> adds a fast-track.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeadScore(
    [property: Id(0)] decimal Total,
    [property: Id(1)] decimal Fit,
    [property: Id(2)] decimal Engagement,
    [property: Id(3)] bool SalesReady,
    [property: Id(4)] IReadOnlyList<ScoreContribution> Explanation,
    [property: Id(5)] string? FastTrackedBy,
    [property: Id(6)] DateTimeOffset? FastTrackedAt,
    [property: Id(7)] string? Disqualification,
    [property: Id(8)] bool MeetsGrade);

/// <summary>One line of a score's explanation.</summary>
/// <param name="Kind"><c>fit</c> or <c>engagement</c>.</param>
/// <param name="Rule">The rule that contributed, as <c>fit:&lt;rule id&gt;</c> or <c>engagement:&lt;activity type&gt;</c>.</param>
/// <param name="Points">What it contributed, decayed and capped, rounded to hundredths.</param>
/// <param name="Detail">Why, in words a rep can read.</param>
/// <param name="Count">For engagement: activities of this type.</param>
/// <param name="Counted">For engagement: how many of them earned points within the daily cap.</param>
[GenerateSerializer, Immutable]
public sealed record ScoreContribution(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Rule,
    [property: Id(2)] decimal Points,
    [property: Id(3)] string Detail,
    [property: Id(4)] int? Count = null,
    [property: Id(5)] int? Counted = null);
