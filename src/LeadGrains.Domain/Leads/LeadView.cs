using System.Diagnostics.CodeAnalysis;
using LeadGrains.Domain.Scoring;

namespace LeadGrains.Domain.Leads;

/// <summary>
/// The lead as callers see it (DESIGN §8): its summary (stage, owner, score with its explanation, SLA)
/// with the profile and the timeline.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LeadView : LeadSummary
{
    [Id(0)] public required LeadProfile Profile { get; init; }
    [Id(1)] public DateTimeOffset CapturedAt { get; init; }
    /// <summary>Transitions and engagement in time order: the behaviour behind the score beside what it caused.</summary>
    [Id(2)] public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public LeadView()
    {
    }

    [SetsRequiredMembers]
    private LeadView(LeadSummary summary, LeadProfile profile) : base(summary)
    {
        Profile = profile;
    }

    public static new LeadView Of(Lead lead, ScoringModel model, DateTimeOffset now) => new(LeadSummary.Of(lead, model, now), lead.Profile)
    {
        CapturedAt = lead.CapturedAt,
        Timeline = [.. lead.Timeline
            .Concat(lead.Activities.Select(activity => new TimelineEntry
            {
                At = activity.OccurredAt, Type = TimelineTypes.Activity, Detail = activity.Type, EventId = activity.EventId,
            }))
            .OrderBy(entry => entry.At)],
    };
}

/// <summary>
/// The lead as an engagement event leaves it: stage, owner, score with its explanation, SLA, without
/// the profile and timeline, which grow with the lead's history. Answering every activity with the
/// whole view would make ingest slower the more engaged a lead is; <c>GET /leads/{id}</c> has the rest.
/// </summary>
[GenerateSerializer, Immutable]
public record LeadSummary
{
    [Id(0)] public string LeadId { get; init; } = "";
    [Id(1)] public string Email { get; init; } = "";
    [Id(2)] public LeadStage Stage { get; init; }
    [Id(3)] public LeadPriority Priority { get; init; }
    [Id(4)] public required LeadScore Score { get; init; }
    [Id(5)] public string? OwnerRepId { get; init; }
    [Id(6)] public string? PoolId { get; init; }
    [Id(7)] public DateTimeOffset? SlaDueAt { get; init; }
    [Id(8)] public int Breaches { get; init; }
    [Id(9)] public int RecycleCount { get; init; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }

    public static LeadSummary Of(Lead lead, ScoringModel model, DateTimeOffset now) => new()
    {
        LeadId = lead.LeadId,
        Email = lead.Profile.Email,
        Stage = lead.Stage,
        Priority = lead.Priority,
        Score = lead.ScoreAt(model, now),
        OwnerRepId = lead.OwnerRepId,
        PoolId = lead.PoolId,
        SlaDueAt = lead.SlaDueAt,
        Breaches = lead.Breaches,
        RecycleCount = lead.RecycleCount,
        UpdatedAt = lead.UpdatedAt,
    };
}
