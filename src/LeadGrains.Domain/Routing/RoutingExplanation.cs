namespace LeadGrains.Domain.Routing;

/// <summary>Why a lead went where it went (DESIGN §6): the rule, the pool, and every candidate with why it was or was not chosen.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutingExplanation
{
    [Id(0)] public string? Rule { get; init; }
    [Id(1)] public string? PoolId { get; init; }
    [Id(2)] public string? ChosenRepId { get; init; }
    [Id(3)] public string Outcome { get; init; } = "";
    /// <summary>The chosen rep and every rep skipped, with why; eligible reps passed over this turn are only counted.</summary>
    [Id(4)] public IReadOnlyList<CandidateAssessment> Candidates { get; init; } = [];
    [Id(5)] public int Considered { get; init; }
    [Id(6)] public int Eligible { get; init; }

    /// <summary>
    /// The explanation kept on the timeline: the chosen rep and the skipped ones. Eligible reps that
    /// simply were not next in the rotation are counted, not listed, so a lead in a pool of fifty
    /// does not carry fifty lines.
    /// </summary>
    public static RoutingExplanation For(string? rule, string poolId, string? chosen, string outcome, IReadOnlyList<CandidateAssessment> candidates, int eligible) => new()
    {
        Rule = rule,
        PoolId = poolId,
        ChosenRepId = chosen,
        Outcome = outcome,
        Candidates = [.. candidates.Where(candidate => candidate.Skipped is not null || candidate.RepId == chosen)],
        Considered = candidates.Count,
        Eligible = eligible,
    };
}

/// <param name="Skipped">Why the rep was not eligible (<c>inactive</c>, <c>out_of_office</c>, <c>at_capacity</c>, …); null when eligible.</param>
[GenerateSerializer, Immutable]
public sealed record CandidateAssessment(
    [property: Id(0)] string RepId,
    [property: Id(1)] int Weight,
    [property: Id(2)] int OpenLeads,
    [property: Id(3)] int Capacity,
    [property: Id(4)] string? Skipped);

public static class RoutingOutcomes
{
    public const string Assigned = "assigned";
    public const string AccountMatch = "account_match";
    public const string Queued = "queued";
    public const string NoPool = "no_pool";
}

public static class SkipReasons
{
    public const string Inactive = "inactive";
    public const string OutOfOffice = "out_of_office";
    public const string AtCapacity = "at_capacity";
    public const string PreviousOwner = "previous_owner";
    public const string OtherTerritory = "other_territory";
}
