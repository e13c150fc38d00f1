using CsCheck;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Reps;
using LeadGrains.Domain.Routing;

namespace LeadGrains.Domain.Tests.Routing;

/// <summary>Fairness of routing inside a pool (DESIGN §3), over generated weights and runs.</summary>
public sealed class RoundRobinProperties
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Gen<int[]> Weights = Gen.Int[1, 10].Array[1, 8];

    private static PoolRoster Roster(int[] weights, int capacity = 1_000_000)
    {
        var roster = new PoolRoster();
        for (var i = 0; i < weights.Length; i++)
        {
            roster.Upsert("p", Rep($"r{i}", weights[i], capacity));
        }
        return roster;
    }

    private static RepSnapshot Rep(string id, int weight, int capacity, int open = 0, bool available = true, long revision = 0) => new()
    {
        RepId = id, Pools = ["p"], Weight = weight, Capacity = capacity, OpenLeads = open,
        Availability = new Availability(available), Revision = revision,
    };

    private static HandoffRequest Lead(int i) => new($"lead-{i}", LeadPriority.Normal, [], [], "test");

    /// <summary>Picks <paramref name="count"/> leads; returns who got each.</summary>
    private static List<string> Run(PoolRoster roster, int count, int offset = 0)
    {
        var picks = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var choice = roster.Choose(Lead(offset + i), Now);
            roster.Commit(choice.Pick!);
            picks.Add(choice.Pick!.RepId);
        }
        return picks;
    }

    [Fact]
    public void Every_reps_share_stays_within_one_lead_of_its_weight_share_over_any_run()
    {
        Gen.Select(Weights, Gen.Int[1, 300]).Sample((weights, leads) =>
        {
            var picks = Run(Roster(weights), leads);
            var total = weights.Sum();
            var counts = new int[weights.Length];
            for (var n = 1; n <= picks.Count; n++)
            {
                counts[int.Parse(picks[n - 1][1..], System.Globalization.CultureInfo.InvariantCulture)]++;
                for (var i = 0; i < weights.Length; i++)
                {
                    if (Math.Abs(counts[i] - ((double)n * weights[i] / total)) > 1.0)
                    {
                        return false;
                    }
                }
            }
            return true;
        }, iter: 1_000);
    }

    [Fact]
    public void Ties_do_not_always_favour_the_same_rep()
    {
        Gen.Int[2, 8].Sample(reps =>
        {
            var picks = Run(Roster([.. Enumerable.Repeat(1, reps)]), reps * 3);
            // With equal weights every round starts in a tie; each round must still give each rep one lead.
            return picks.Chunk(reps).All(round => round.Distinct().Count() == reps)
                && picks.Distinct().Count() == reps;
        });
    }

    [Fact]
    public void A_rep_back_from_leave_gets_no_burst_of_catch_up_leads()
    {
        Gen.Select(Weights.Where(weights => weights.Length >= 2), Gen.Int[1, 100], Gen.Int[1, 100]).Sample((weights, away, after) =>
        {
            var roster = Roster(weights);
            Run(roster, 5);
            roster.Upsert("p", Rep("r0", weights[0], 1_000_000, available: false, revision: 1));
            Run(roster, away, offset: 100);
            roster.Upsert("p", Rep("r0", weights[0], 1_000_000, available: true, revision: 2));
            var picks = Run(roster, after, offset: 1_000);
            var share = (double)after * weights[0] / weights.Sum();
            return picks.Count(rep => rep == "r0") <= Math.Ceiling(share) + 1;
        });
    }

    [Fact]
    public void A_newly_added_rep_gets_no_burst()
    {
        Gen.Select(Weights, Gen.Int[1, 100], Gen.Int[1, 10], Gen.Int[1, 100]).Sample((weights, before, newWeight, after) =>
        {
            var roster = Roster(weights);
            Run(roster, before);
            roster.Upsert("p", Rep("new", newWeight, 1_000_000));
            var picks = Run(roster, after, offset: 1_000);
            var share = (double)after * newWeight / (weights.Sum() + newWeight);
            return picks.Count(rep => rep == "new") <= Math.Ceiling(share) + 1;
        });
    }

    [Fact]
    public void Capacity_is_never_exceeded_and_full_pools_choose_nobody()
    {
        Gen.Select(Gen.Int[0, 4].Array[1, 6], Gen.Int[0, 1].Array[1, 60]).Sample((capacities, script) =>
        {
            var roster = new PoolRoster();
            var open = capacities.Select(_ => 0).ToArray();
            var revision = 0L;
            void Tell(int i) => roster.Upsert("p", Rep($"r{i}", 1 + i, capacities[i], open[i], revision: ++revision));
            for (var i = 0; i < capacities.Length; i++)
            {
                Tell(i);
            }
            foreach (var step in script)
            {
                if (step == 0)
                {
                    var choice = roster.Choose(Lead(0), Now);
                    if (choice.Pick is null)
                    {
                        if (open.Where((count, i) => count < capacities[i]).Any())
                        {
                            return false;
                        }
                        continue;
                    }
                    var chosen = int.Parse(choice.Pick.RepId[1..], System.Globalization.CultureInfo.InvariantCulture);
                    roster.Commit(choice.Pick);
                    open[chosen]++;
                    Tell(chosen);
                }
                else if (Array.FindIndex(open, count => count > 0) is var busy and >= 0)
                {
                    open[busy]--;
                    Tell(busy);
                }
                if (open.Where((count, i) => count > capacities[i]).Any())
                {
                    return false;
                }
            }
            return true;
        });
    }
}
