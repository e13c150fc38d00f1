using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Routing;

/// <summary>The pool a lead routes to (DESIGN §3): rules in order, the first whose match holds wins.</summary>
public static class PoolSelector
{
    /// <param name="skipSdr">True once an SDR has qualified the lead: it goes on to the account-executive pools.</param>
    public static PoolChoice? Select(LeadProfile lead, RoutingConfig routing, bool skipSdr)
    {
        if (!skipSdr && routing.SdrPool is { } sdr)
        {
            var pool = routing.Pools.First(candidate => candidate.Id == sdr);
            return new PoolChoice(sdr, pool.ManagerEmail, $"sdrPool '{sdr}': sales-ready leads are qualified first", IsSdr: true);
        }
        for (var i = 0; i < routing.Pools.Count; i++)
        {
            var pool = routing.Pools[i];
            if (pool.Id == routing.SdrPool)
            {
                continue;
            }
            if (pool.Match is null || pool.Match.Count == 0)
            {
                return new PoolChoice(pool.Id, pool.ManagerEmail, $"routing.pools[{i}] '{pool.Id}' catches every lead", IsSdr: false);
            }
            if (Matches(lead, pool.Match, out var matched))
            {
                return new PoolChoice(pool.Id, pool.ManagerEmail, $"routing.pools[{i}] '{pool.Id}' matched {matched}", IsSdr: false);
            }
        }
        return null;
    }

    private static bool Matches(LeadProfile lead, IReadOnlyDictionary<string, IReadOnlyList<string>> match, out string matched)
    {
        var parts = new List<string>();
        foreach (var (field, values) in match)
        {
            var hit = lead.ValuesOf(field).FirstOrDefault(value => values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));
            if (hit is null)
            {
                matched = "";
                return false;
            }
            parts.Add($"{field}={hit}");
        }
        matched = string.Join(", ", parts);
        return true;
    }
}

[GenerateSerializer, Immutable]
public sealed record PoolChoice(
    [property: Id(0)] string PoolId,
    [property: Id(1)] string? ManagerEmail,
    [property: Id(2)] string Rule,
    [property: Id(3)] bool IsSdr);
