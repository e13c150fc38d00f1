using System.Globalization;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Scoring;

/// <summary>
/// Score = fit + engagement, explained (DESIGN §2). A pure function of the profile, the set of
/// activities and the moment of reading: the order activities arrived in does not matter, and
/// decay is continuous, so a score read at any moment reflects the time since each activity.
/// </summary>
public static class LeadScorer
{
    public const string FitKind = "fit";
    public const string EngagementKind = "engagement";

    public static LeadScore Score(LeadProfile profile, IReadOnlyCollection<ActivityRecord> activities, ScoringModel model, DateTimeOffset now)
    {
        var explanation = new List<ScoreContribution>();
        var fit = AddFit(profile, model, explanation);
        var engagement = AddEngagement(activities, model, now, explanation);
        var fastTrack = LatestFastTrack(activities, model);
        var total = fit + engagement;
        var grade = model.SalesReady;
        var meetsGrade = total >= grade.Threshold && fit >= grade.MinFit && engagement >= grade.MinEngagement;
        return new LeadScore(total, fit, engagement, meetsGrade || fastTrack is not null, explanation,
            fastTrack?.Type, fastTrack?.OccurredAt, Disqualification(profile, activities, model), meetsGrade);
    }

    private static decimal AddFit(LeadProfile profile, ScoringModel model, List<ScoreContribution> explanation)
    {
        decimal fit = 0;
        foreach (var rule in model.Fit)
        {
            if (FitRuleMatcher.Match(rule, profile) is { } matched)
            {
                var points = Round(rule.Points);
                fit += points;
                explanation.Add(new ScoreContribution(FitKind, $"fit:{rule.Id}", points, $"{rule.Field} {matched}"));
            }
        }
        return fit;
    }

    private static decimal AddEngagement(IReadOnlyCollection<ActivityRecord> activities, ScoringModel model, DateTimeOffset now, List<ScoreContribution> explanation)
    {
        decimal engagement = 0;
        // Canonical order (time, then event id) makes the daily cap independent of arrival order.
        var byType = activities
            .Where(activity => model.Activities.ContainsKey(activity.Type))
            .OrderBy(activity => activity.OccurredAt).ThenBy(activity => activity.EventId, StringComparer.Ordinal)
            .GroupBy(activity => activity.Type, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in byType)
        {
            var rule = model.Activities[group.Key];
            var (points, counted, total) = Credit(group, rule, model.HalfLife, now);
            if (rule.Points == 0)
            {
                continue;
            }
            var rounded = Round(points);
            engagement += rounded;
            explanation.Add(new ScoreContribution(EngagementKind, $"engagement:{group.Key}", rounded,
                Describe(group.Key, rule, counted, total), total, counted));
        }
        return engagement;
    }

    /// <summary>Decayed points of one type's activities, counting positive points up to the cap per UTC day.</summary>
    private static (double Points, int Counted, int Total) Credit(IEnumerable<ActivityRecord> activities, ActivityRule rule, TimeSpan halfLife, DateTimeOffset now)
    {
        double points = 0;
        int counted = 0, total = 0;
        var creditedToday = 0m;
        DateOnly? day = null;
        foreach (var activity in activities)
        {
            total++;
            var activityDay = DateOnly.FromDateTime(activity.OccurredAt.UtcDateTime);
            if (activityDay != day)
            {
                day = activityDay;
                creditedToday = 0;
            }
            var credit = rule.Points;
            if (credit > 0 && rule.DailyCap is { } cap)
            {
                credit = Math.Min(credit, Math.Max(0, cap - creditedToday));
                creditedToday += credit;
            }
            if (credit == 0)
            {
                continue;
            }
            counted++;
            points += (double)credit * Decay.Factor(now - activity.OccurredAt, halfLife);
        }
        return (points, counted, total);
    }

    private static ActivityRecord? LatestFastTrack(IReadOnlyCollection<ActivityRecord> activities, ScoringModel model) =>
        activities
            .Where(activity => model.FastTrack.Contains(activity.Type, StringComparer.Ordinal))
            .OrderByDescending(activity => activity.OccurredAt).ThenBy(activity => activity.EventId, StringComparer.Ordinal)
            .FirstOrDefault();

    private static string? Disqualification(LeadProfile profile, IReadOnlyCollection<ActivityRecord> activities, ScoringModel model)
    {
        var domains = model.Disqualify.Domains;
        if (domains.Contains(profile.EmailDomain, StringComparer.OrdinalIgnoreCase)
            || (profile.CompanyDomain is { } company && domains.Contains(company.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            return "competitor_domain";
        }
        var disqualifying = activities.FirstOrDefault(activity => model.Disqualify.Activities.Contains(activity.Type, StringComparer.Ordinal));
        return disqualifying?.Type;
    }

    private static string Describe(string type, ActivityRule rule, int counted, int total)
    {
        var points = rule.Points.ToString("0.##", CultureInfo.InvariantCulture);
        var capped = counted < total ? $", {total - counted} over the daily cap of {rule.DailyCap?.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        return $"{total} × {type} at {points} points{capped}, decayed by age";
    }

    private static decimal Round(double points) => Round((decimal)points);

    // Dividing by 1.00…0 drops trailing zeros, so 30.00 reads as 30 on the wire.
    private static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
}
