namespace LeadGrains.Domain.Simulation;

/// <summary>The answer of <c>POST /config/simulate</c>: the live and the proposed configuration over one window, side by side.</summary>
/// <param name="LiveVersion">The version of the live configuration the proposal was compared with.</param>
/// <param name="LeadsReplayed">Leads with an event in the window whose history could be replayed.</param>
/// <param name="Dropped">Leads sales-ready in the window under the live configuration but not under the proposed one.</param>
/// <param name="Added">Leads sales-ready in the window under the proposed configuration but not under the live one.</param>
/// <param name="Outcomes">How the dropped, added and unchanged sales-ready leads actually converted.</param>
public sealed record SimulationReport(
    DateTimeOffset From,
    DateTimeOffset To,
    long LiveVersion,
    int LeadsReplayed,
    ScenarioResult Live,
    ScenarioResult Proposed,
    LeadChanges Dropped,
    LeadChanges Added,
    ChangedOutcomes Outcomes,
    IReadOnlyList<string> Notes);

/// <param name="SalesReady">Leads that would have become sales-ready in the window.</param>
/// <param name="HighPriority">Of those, how many with priority high (fast-tracked).</param>
public sealed record ScenarioResult(int SalesReady, int HighPriority, RoutingDistribution Routing, IReadOnlyList<RepSlaLoad> Sla);

/// <param name="AccountMatched">Leads that would have gone to their account's owner.</param>
/// <param name="Unrouted">Leads no pool rule matched.</param>
public sealed record RoutingDistribution(IReadOnlyList<PoolShare> Pools, int AccountMatched, int Unrouted);

/// <param name="Waiting">Leads that would have waited in the queue: the pool has no active member.</param>
public sealed record PoolShare(string PoolId, int Leads, int Waiting, IReadOnlyList<RepShare> Reps);

public sealed record RepShare(string RepId, int Leads);

/// <param name="Count">How many leads changed; <paramref name="Examples"/> names the first few.</param>
public sealed record LeadChanges(int Count, IReadOnlyList<ChangedLead> Examples);

/// <summary>A lead whose verdict changed, with both scores at the moment that decided it and what actually became of it.</summary>
public sealed record ChangedLead(
    string LeadId,
    string Email,
    ScoreSummary LiveScore,
    ScoreSummary ProposedScore,
    DateTimeOffset? LiveSalesReadyAt,
    DateTimeOffset? ProposedSalesReadyAt,
    ActualOutcome Actual);

public sealed record ChangedOutcomes(OutcomeTally Dropped, OutcomeTally Added, OutcomeTally Kept);

public sealed record OutcomeTally(int Count, int Won, decimal Revenue, int Lost, int Disqualified, int Open);
