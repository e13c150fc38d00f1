using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Validation;

namespace LeadGrains.Abstractions.Configuration;

/// <summary>The live engine configuration, versioned (DESIGN §8). One per cluster, keyed <see cref="Key"/>.</summary>
public interface IConfigGrain : IGrainWithStringKey
{
    public const string Key = "live";

    [ReadOnly, AlwaysInterleave]
    Task<EngineConfig> GetAsync();

    /// <summary>
    /// Replaces the configuration when <paramref name="proposed"/> carries the version it was read at
    /// and is valid; otherwise changes nothing and says why.
    /// </summary>
    Task<ConfigUpdate> UpdateAsync(EngineConfig proposed);
}

[GenerateSerializer, Immutable]
public sealed record ConfigUpdate(
    [property: Id(0)] ConfigUpdateOutcome Outcome,
    [property: Id(1)] EngineConfig Current,
    [property: Id(2)] IDictionary<string, string[]>? Errors = null)
{
    public static ConfigUpdate Invalid(EngineConfig current, ValidationErrors errors) => new(ConfigUpdateOutcome.Invalid, current, errors.ToDictionary());
}

public enum ConfigUpdateOutcome
{
    Updated,
    StaleVersion,
    Invalid,
}
