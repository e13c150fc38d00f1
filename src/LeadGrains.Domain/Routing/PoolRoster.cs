using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;

namespace LeadGrains.Domain.Routing;

/// <summary>
/// A pool's members and its queue, and the choice of the next rep (DESIGN §3): weighted round
/// robin over members that are active, available and below capacity; when none is, leads wait in
/// priority then arrival order. The pool grain persists one of these; the choice is pure.
/// </summary>
[GenerateSerializer]
public sealed class PoolRoster
{
    [Id(0)] public Dictionary<string, PoolMember> Members { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public List<QueuedLead> Queue { get; set; } = [];
    /// <summary>Numbers picks and arrivals, so ties and queue order need no clock.</summary>
    [Id(2)] public long Sequence { get; set; }
    [Id(3)] public long LastPick { get; set; }

    /// <summary>
    /// Takes news of a rep; older news than what the pool has is ignored, and a rep that left the pool
    /// is removed. Returns true when membership changed (joined, left, weight, capacity, active, leave,
    /// territories), which the pool stores; a change of load alone is soft state, learnt again from
    /// the rep at its next handoff.
    /// </summary>
    public bool Upsert(string poolId, RepSnapshot snapshot)
    {
        if (!snapshot.Pools.Contains(poolId, StringComparer.Ordinal))
        {
            return Members.Remove(snapshot.RepId);
        }
        if (!Members.TryGetValue(snapshot.RepId, out var member))
        {
            Members[snapshot.RepId] = new PoolMember { Snapshot = snapshot };
            return true;
        }
        if (snapshot.Revision < member.Snapshot.Revision)
        {
            return false;
        }
        var known = member.Snapshot;
        member.Snapshot = snapshot;
        return known.Weight != snapshot.Weight || known.Capacity != snapshot.Capacity || known.Active != snapshot.Active
            || known.Availability != snapshot.Availability || !known.Territories.SequenceEqual(snapshot.Territories);
    }

    public RoutingChoice Choose(HandoffRequest request, DateTimeOffset now)
    {
        var assessed = Assess(request, now);
        var eligible = assessed.Where(candidate => candidate.Skipped is null).Select(candidate =>
        {
            var member = Members[candidate.RepId];
            // A member that sat out the last pick (leave, capacity, new) rejoins at a neutral weight: no catch-up burst.
            var current = member.LastRound == LastPick ? member.Current : 0;
            return new RoundRobinMember(candidate.RepId, member.Snapshot.Weight, current, member.LastPicked);
        }).ToList();
        var pick = SmoothWeightedRoundRobin.Choose(eligible);
        return new RoutingChoice(pick, assessed, eligible.Count);
    }

    /// <summary>Records that the chosen rep took the lead: the round robin moves on.</summary>
    public void Commit(RoundRobinPick pick)
    {
        var round = ++Sequence;
        foreach (var (repId, current) in pick.Currents)
        {
            if (Members.TryGetValue(repId, out var member))
            {
                member.Current = current;
                member.LastRound = round;
            }
        }
        if (Members.TryGetValue(pick.RepId, out var chosen))
        {
            chosen.LastPicked = round;
        }
        LastPick = round;
    }

    public QueuedLead Enqueue(HandoffRequest request, DateTimeOffset now)
    {
        var existing = Queue.FirstOrDefault(entry => entry.Request.LeadId == request.LeadId);
        if (existing is not null)
        {
            return existing;
        }
        var queued = new QueuedLead(request, ++Sequence, now);
        Queue.Add(queued);
        Queue.Sort(QueueOrder);
        return queued;
    }

    public bool Withdraw(string leadId) => Queue.RemoveAll(entry => entry.Request.LeadId == leadId) > 0;

    public int PositionOf(string leadId) => Queue.FindIndex(entry => entry.Request.LeadId == leadId) + 1;

    /// <summary>The earliest moment a member on leave comes back by itself, if any does.</summary>
    public DateTimeOffset? NextReturn(DateTimeOffset now) =>
        Members.Values.Select(member => member.Snapshot.Availability)
            .Where(availability => !availability.Available && availability.Until > now)
            .Min(availability => availability.Until);

    public IReadOnlyList<CandidateAssessment> Assess(HandoffRequest request, DateTimeOffset now)
    {
        var candidates = Members.Values
            .OrderBy(member => member.Snapshot.RepId, StringComparer.Ordinal)
            .Select(member => new CandidateAssessment(member.Snapshot.RepId, member.Snapshot.Weight, member.Snapshot.OpenLeads,
                member.Snapshot.Capacity, Skip(member.Snapshot, now)))
            .ToList();
        candidates = ApplyTerritories(candidates, request);
        // Never back to a previous owner while another rep is eligible (DESIGN §4).
        var excluded = request.ExcludedReps;
        if (excluded.Count > 0 && candidates.Any(candidate => candidate.Skipped is null && !excluded.Contains(candidate.RepId)))
        {
            candidates = [.. candidates.Select(candidate => candidate.Skipped is null && excluded.Contains(candidate.RepId)
                ? candidate with { Skipped = SkipReasons.PreviousOwner }
                : candidate)];
        }
        return candidates;
    }

    private List<CandidateAssessment> ApplyTerritories(List<CandidateAssessment> candidates, HandoffRequest request)
    {
        bool Covers(string repId) => Members[repId].Snapshot.Territories is var territories
            && (territories.Count == 0 || request.Territories.Any(place => territories.Contains(place, StringComparer.OrdinalIgnoreCase)));
        // Territories narrow the choice only while someone covers the lead; otherwise anyone may take it.
        if (request.Territories.Count == 0 || !candidates.Any(candidate => candidate.Skipped is null && Covers(candidate.RepId)))
        {
            return candidates;
        }
        return [.. candidates.Select(candidate => candidate.Skipped is null && !Covers(candidate.RepId)
            ? candidate with { Skipped = SkipReasons.OtherTerritory }
            : candidate)];
    }

    private static string? Skip(RepSnapshot rep, DateTimeOffset now) =>
        !rep.Active ? SkipReasons.Inactive
        : !rep.Availability.IsAvailableAt(now) ? SkipReasons.OutOfOffice
        : !rep.HasCapacity ? SkipReasons.AtCapacity
        : null;

    private static int QueueOrder(QueuedLead a, QueuedLead b) =>
        a.Request.Priority != b.Request.Priority ? b.Request.Priority.CompareTo(a.Request.Priority) : a.Sequence.CompareTo(b.Sequence);
}

[GenerateSerializer]
public sealed class PoolMember
{
    [Id(0)] public RepSnapshot Snapshot { get; set; } = new();
    [Id(1)] public long Current { get; set; }
    [Id(2)] public long LastPicked { get; set; }
    [Id(3)] public long LastRound { get; set; }
}

/// <summary>A lead asking a pool for a rep.</summary>
/// <param name="Territories">The lead's country and region, for reps that cover territories.</param>
/// <param name="ExcludedReps">Reps that held the lead before: chosen again only when nobody else is eligible.</param>
[GenerateSerializer, Immutable]
public sealed record HandoffRequest(
    [property: Id(0)] string LeadId,
    [property: Id(1)] LeadPriority Priority,
    [property: Id(2)] IReadOnlyList<string> Territories,
    [property: Id(3)] IReadOnlyList<string> ExcludedReps,
    [property: Id(4)] string Rule);

[GenerateSerializer, Immutable]
public sealed record QueuedLead([property: Id(0)] HandoffRequest Request, [property: Id(1)] long Sequence, [property: Id(2)] DateTimeOffset EnqueuedAt);

/// <param name="Candidates">Every member, with why each ineligible one was skipped.</param>
public sealed record RoutingChoice(RoundRobinPick? Pick, IReadOnlyList<CandidateAssessment> Candidates, int Eligible);
