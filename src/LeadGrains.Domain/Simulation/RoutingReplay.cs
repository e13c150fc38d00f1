using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// Routes the would-be sales-ready leads in the order they became sales-ready, with the real pieces:
/// <see cref="PoolSelector"/> on the configuration's rules, account match when enabled (the first rep a
/// company domain is simulated to go to keeps it), and within a pool <see cref="PoolRoster"/>'s smooth
/// weighted round robin over the pool's current members. Past leave and load are not recorded, so every
/// active member counts as available with room to spare; territories apply as they do live.
/// </summary>
public static class RoutingReplay
{
    public static IReadOnlyList<RoutedLead> Route(IEnumerable<ReadyLead> leads, RoutingConfig routing, IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> members)
    {
        var rosters = new Dictionary<string, PoolRoster>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var routed = new List<RoutedLead>();
        foreach (var lead in leads.OrderBy(lead => lead.At).ThenBy(lead => lead.LeadId, StringComparer.Ordinal))
        {
            var pool = PoolSelector.Select(lead.Profile, routing, skipSdr: false);
            var domain = routing.AccountMatch ? AccountDomain.Of(lead.Profile) : null;
            if (domain is not null && owners.TryGetValue(domain, out var owner))
            {
                routed.Add(new RoutedLead(lead, pool?.PoolId, owner, AccountMatched: true));
                continue;
            }
            if (pool is null)
            {
                routed.Add(new RoutedLead(lead, null, null, AccountMatched: false));
                continue;
            }
            var roster = RosterOf(pool.PoolId, rosters, members);
            var request = new HandoffRequest(lead.LeadId, lead.Priority, TerritoriesOf(lead.Profile), [], pool.Rule);
            var pick = roster.Choose(request, lead.At).Pick;
            if (pick is not null)
            {
                roster.Commit(pick);
                if (domain is not null && !pool.IsSdr)
                {
                    owners[domain] = pick.RepId;
                }
            }
            routed.Add(new RoutedLead(lead, pool.PoolId, pick?.RepId, AccountMatched: false));
        }
        return routed;
    }

    private static PoolRoster RosterOf(string poolId, Dictionary<string, PoolRoster> rosters, IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> members)
    {
        if (rosters.TryGetValue(poolId, out var roster))
        {
            return roster;
        }
        rosters[poolId] = roster = new PoolRoster();
        foreach (var member in members.GetValueOrDefault(poolId) ?? [])
        {
            roster.Upsert(poolId, member with
            {
                Pools = [poolId], OpenLeads = 0, Capacity = int.MaxValue, Availability = Availability.Present,
            });
        }
        return roster;
    }

    private static IReadOnlyList<string> TerritoriesOf(LeadProfile profile) =>
        [.. new[] { profile.Country, profile.Region }.Where(place => !string.IsNullOrWhiteSpace(place)).Select(place => place!)];
}

/// <summary>A lead that would have become sales-ready, for routing.</summary>
public sealed record ReadyLead(string LeadId, DateTimeOffset At, LeadPriority Priority, LeadProfile Profile);

/// <param name="PoolId">The pool its rules selected; null when none did.</param>
/// <param name="RepId">The rep it would have gone to; null when it would have waited (no active member) or no pool matched.</param>
public sealed record RoutedLead(ReadyLead Lead, string? PoolId, string? RepId, bool AccountMatched);
