using LeadGrains.Domain.Configuration;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;

namespace LeadGrains.Domain.Simulation;

/// <summary>
/// What-if (DESIGN §6): the recorded histories of a window replayed under the live and a proposed
/// configuration. Histories are taken one lead at a time (<see cref="Add"/>); what is kept is one small
/// record per would-be sales-ready lead (routing needs them in time order), the tallies and a few examples.
/// </summary>
public sealed class ConfigSimulation(EngineConfig live, EngineConfig proposed, DateTimeOffset from, DateTimeOffset to, int maxExamples = 20)
{
    private readonly List<ReadyLead> _readyLive = [];
    private readonly List<ReadyLead> _readyProposed = [];
    private readonly List<ChangedLead> _dropped = [];
    private readonly List<ChangedLead> _added = [];
    private readonly OutcomeCounter _droppedOutcomes = new();
    private readonly OutcomeCounter _addedOutcomes = new();
    private readonly OutcomeCounter _keptOutcomes = new();
    private int _replayed;
    private int _withoutCapture;

    public void Add(LeadHistory history)
    {
        if (LeadReplay.Compare(history, live, proposed, from, to) is not { } lead)
        {
            _withoutCapture++;
            return;
        }
        _replayed++;
        if (lead.Live is { } liveReady)
        {
            _readyLive.Add(new ReadyLead(lead.LeadId, liveReady.At, liveReady.Priority, liveReady.Profile));
        }
        if (lead.Proposed is { } proposedReady)
        {
            _readyProposed.Add(new ReadyLead(lead.LeadId, proposedReady.At, proposedReady.Priority, proposedReady.Profile));
        }
        if (lead.Kept)
        {
            _keptOutcomes.Count(lead.Actual);
        }
        else if (lead.Dropped || lead.Added)
        {
            (lead.Dropped ? _droppedOutcomes : _addedOutcomes).Count(lead.Actual);
            var examples = lead.Dropped ? _dropped : _added;
            if (examples.Count < maxExamples)
            {
                examples.Add(new ChangedLead(lead.LeadId, lead.Email, lead.LiveScore, lead.ProposedScore, lead.Live?.At, lead.Proposed?.At, lead.Actual));
            }
        }
    }

    /// <param name="members">Each pool's current members, by pool id.</param>
    public SimulationReport Finish(IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> members)
    {
        var notes = new List<string>
        {
            "Both columns replay the same recorded events at the times they occurred, so a difference between them is the configuration's alone.",
            "Routing uses each pool's current members (active ones, by weight): past leave and capacity are not recorded, so every active member counts as available with room to spare.",
            "Account match starts empty: the first rep a company domain is routed to in the window keeps it.",
            "After the handoff the record decides: a recorded reject or return recycles the lead, a recorded close or disqualification ends it; SLA breaches and stalls are not replayed.",
        };
        if (_withoutCapture > 0)
        {
            notes.Add($"{_withoutCapture} lead(s) with events in the window have no recorded capture (captured before events were recorded) and were left out.");
        }
        return new SimulationReport(
            from, to, live.Version, _replayed,
            Scenario(_readyLive, live, members),
            Scenario(_readyProposed, proposed, members),
            new LeadChanges(_droppedOutcomes.Count(), _dropped),
            new LeadChanges(_addedOutcomes.Count(), _added),
            new ChangedOutcomes(_droppedOutcomes.Tally(), _addedOutcomes.Tally(), _keptOutcomes.Tally()),
            notes);
    }

    private static ScenarioResult Scenario(List<ReadyLead> ready, EngineConfig config, IReadOnlyDictionary<string, IReadOnlyList<RepSnapshot>> members)
    {
        var routed = RoutingReplay.Route(ready, config.Routing, members);
        var pools = routed.Where(lead => lead.PoolId is not null)
            .GroupBy(lead => lead.PoolId!, StringComparer.Ordinal)
            .Select(pool => new PoolShare(pool.Key, pool.Count(), pool.Count(lead => lead.RepId is null),
                [.. pool.Where(lead => lead.RepId is not null).GroupBy(lead => lead.RepId!, StringComparer.Ordinal)
                    .OrderBy(rep => rep.Key, StringComparer.Ordinal).Select(rep => new RepShare(rep.Key, rep.Count()))]))
            .OrderBy(pool => config.Routing.Pools.ToList().FindIndex(rule => rule.Id == pool.PoolId))
            .ToList();
        var routing = new RoutingDistribution(pools, routed.Count(lead => lead.AccountMatched), routed.Count(lead => lead.PoolId is null && lead.RepId is null));
        return new ScenarioResult(ready.Count, ready.Count(lead => lead.Priority == LeadPriority.High), routing, SlaLoad.PerRep(routed, config.Sla));
    }

    private sealed class OutcomeCounter
    {
        private int _count, _won, _lost, _disqualified, _open;
        private decimal _revenue;

        public int Count() => _count;

        public void Count(ActualOutcome outcome)
        {
            _count++;
            switch (outcome.Result)
            {
                case ActualOutcome.Won:
                    _won++;
                    _revenue += outcome.Amount ?? 0;
                    break;
                case ActualOutcome.Lost:
                    _lost++;
                    break;
                case ActualOutcome.Disqualified:
                    _disqualified++;
                    break;
                default:
                    _open++;
                    break;
            }
        }

        public OutcomeTally Tally() => new(_count, _won, _revenue, _lost, _disqualified, _open);
    }
}
