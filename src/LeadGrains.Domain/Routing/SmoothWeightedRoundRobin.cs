namespace LeadGrains.Domain.Routing;

/// <summary>
/// Smooth weighted round robin with an exact fairness bound. As in nginx's algorithm every
/// eligible member's current weight grows by its weight each pick and the chosen one gives back
/// the total, so a member's current weight is how far it is behind its share. nginx then takes the
/// largest current weight, which can drift slightly over one lead; here the pick is the member
/// whose next lead is due soonest (earliest deadline) among those not already a lead ahead, which
/// keeps every member's count within one lead of its weight's share over any run (the chairman
/// assignment problem, Tijdeman 1980). Picks interleave, so a burst is spread; ties go to the
/// member picked least recently, so no tie always favours the same rep.
/// </summary>
public static class SmoothWeightedRoundRobin
{
    public static RoundRobinPick? Choose(IReadOnlyList<RoundRobinMember> eligible)
    {
        if (eligible.Count == 0)
        {
            return null;
        }
        long total = 0;
        foreach (var member in eligible)
        {
            total += member.Weight;
        }
        var currents = new long[eligible.Count];
        var best = -1;
        for (var i = 0; i < eligible.Count; i++)
        {
            currents[i] = eligible[i].Current + eligible[i].Weight;
            // A member at or below zero would end a full lead ahead of its share if picked now.
            if (currents[i] > 0 && (best < 0 || DueSooner(eligible[i], currents[i], eligible[best], currents[best], total)))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            // Only after the eligible set changed (currents no longer sum to zero): fall back to the largest.
            best = Enumerable.Range(0, eligible.Count).MaxBy(i => currents[i]);
        }
        currents[best] -= total;
        var updated = new Dictionary<string, long>(eligible.Count, StringComparer.Ordinal);
        for (var i = 0; i < eligible.Count; i++)
        {
            updated[eligible[i].RepId] = currents[i];
        }
        return new RoundRobinPick(eligible[best].RepId, updated);
    }

    /// <summary>
    /// The next lead of a member with current weight c and weight w is due (total − c) / w picks from
    /// now; compare (c − total) / w by cross-multiplying, so no rounding enters.
    /// </summary>
    private static bool DueSooner(RoundRobinMember member, long current, RoundRobinMember best, long bestCurrent, long total)
    {
        var left = (current - total) * best.Weight;
        var right = (bestCurrent - total) * member.Weight;
        return left != right ? left > right
            : member.LastPicked != best.LastPicked ? member.LastPicked < best.LastPicked
            : string.CompareOrdinal(member.RepId, best.RepId) < 0;
    }
}

/// <param name="Current">The member's current weight before this pick: how far behind its share it is, times the total weight.</param>
/// <param name="LastPicked">The sequence number of the member's last pick (0: never), for tie-breaks.</param>
public readonly record struct RoundRobinMember(string RepId, int Weight, long Current, long LastPicked);

/// <summary>The member chosen and every eligible member's current weight after the pick.</summary>
public sealed record RoundRobinPick(string RepId, IReadOnlyDictionary<string, long> Currents);
