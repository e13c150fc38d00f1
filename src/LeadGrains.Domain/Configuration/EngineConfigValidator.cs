using System.Text.RegularExpressions;
using LeadGrains.Domain.Leads;
using LeadGrains.Domain.Scoring;
using LeadGrains.Domain.Validation;

namespace LeadGrains.Domain.Configuration;

/// <summary>Checks a proposed configuration and names the path of every error (DESIGN §2: invalid config changes nothing).</summary>
public static partial class EngineConfigValidator
{
    public const decimal MaxPoints = 1_000;
    public const decimal MaxThreshold = 100_000;
    public static readonly IReadOnlySet<string> StallStages = new HashSet<string>(StringComparer.Ordinal) { "qualifying", "assigned", "working", "opportunity" };
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    public static ValidationErrors Validate(EngineConfig config)
    {
        var errors = new ValidationErrors();
        ValidateScoring(config.Scoring, errors);
        ValidateRouting(config.Routing, errors);
        ValidateSla(config.Sla, errors);
        return errors;
    }

    private static void ValidateScoring(ScoringModel scoring, ValidationErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scoring.Fit.Count; i++)
        {
            var rule = scoring.Fit[i];
            var path = $"scoring.fit[{i}]";
            if (!Identifier().IsMatch(rule.Id ?? ""))
            {
                errors.Add($"{path}.id", "must be 1-64 letters, digits, '_', '-' or '.'.");
            }
            else
            {
                errors.AddIf(!ids.Add(rule.Id!), $"{path}.id", $"'{rule.Id}' is used by another rule.");
            }
            errors.AddIf(!LeadFields.IsKnown(rule.Field ?? ""), $"{path}.field", $"'{rule.Field}' is not a lead field ({string.Join(", ", LeadFields.Known)} or attributes.<key>).");
            errors.AddIf(rule.EqualsAny is null && rule.ContainsAny is null && rule.Min is null && rule.Max is null,
                path, "needs a condition: equalsAny, containsAny, min or max.");
            errors.AddIf(rule.EqualsAny is { Count: 0 } || rule.EqualsAny?.Any(string.IsNullOrWhiteSpace) == true, $"{path}.equalsAny", "must list non-empty values.");
            errors.AddIf(rule.ContainsAny is { Count: 0 } || rule.ContainsAny?.Any(string.IsNullOrWhiteSpace) == true, $"{path}.containsAny", "must list non-empty values.");
            errors.AddIf(rule.Min > rule.Max, $"{path}.min", "must not exceed max.");
            CheckPoints(errors, $"{path}.points", rule.Points);
        }
        foreach (var (type, rule) in scoring.Activities)
        {
            var path = $"scoring.activities.{type}";
            errors.AddIf(!ActivityType().IsMatch(type), path, "activity types are 1-64 lower-case letters, digits or '_', starting with a letter.");
            CheckPoints(errors, $"{path}.points", rule.Points);
            errors.AddIf(rule.DailyCap is <= 0 or > MaxPoints * 100, $"{path}.dailyCap", "must be positive when given.");
        }
        errors.AddIf(scoring.HalfLife < TimeSpan.FromMinutes(1) || scoring.HalfLife > MaxDuration, "scoring.halfLife", "must be between PT1M and P3650D.");
        CheckThreshold(errors, "scoring.salesReady.threshold", scoring.SalesReady.Threshold);
        CheckThreshold(errors, "scoring.salesReady.minFit", scoring.SalesReady.MinFit);
        CheckThreshold(errors, "scoring.salesReady.minEngagement", scoring.SalesReady.MinEngagement);
        for (var i = 0; i < scoring.FastTrack.Count; i++)
        {
            errors.AddIf(!scoring.Activities.ContainsKey(scoring.FastTrack[i]), $"scoring.fastTrack[{i}]", $"'{scoring.FastTrack[i]}' is not a configured activity type.");
        }
        for (var i = 0; i < scoring.Disqualify.Activities.Count; i++)
        {
            errors.AddIf(!scoring.Activities.ContainsKey(scoring.Disqualify.Activities[i]), $"scoring.disqualify.activities[{i}]", $"'{scoring.Disqualify.Activities[i]}' is not a configured activity type.");
        }
        for (var i = 0; i < scoring.Disqualify.Domains.Count; i++)
        {
            errors.AddIf(!Domain().IsMatch(scoring.Disqualify.Domains[i] ?? ""), $"scoring.disqualify.domains[{i}]", "must be a domain name such as competitor.com.");
        }
    }

    private static void ValidateRouting(RoutingConfig routing, ValidationErrors errors)
    {
        errors.AddIf(routing.Pools.Count == 0, "routing.pools", "must name at least one pool.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routing.Pools.Count; i++)
        {
            var pool = routing.Pools[i];
            var path = $"routing.pools[{i}]";
            if (!Identifier().IsMatch(pool.Id ?? ""))
            {
                errors.Add($"{path}.id", "must be 1-64 letters, digits, '_', '-' or '.'.");
            }
            else
            {
                errors.AddIf(!ids.Add(pool.Id!), $"{path}.id", $"'{pool.Id}' is used by another pool.");
            }
            foreach (var (field, values) in pool.Match ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                errors.AddIf(!LeadFields.IsKnown(field), $"{path}.match.{field}", $"'{field}' is not a lead field.");
                errors.AddIf(values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace), $"{path}.match.{field}", "must list non-empty values.");
            }
            errors.AddIf(pool.ManagerEmail is not null && !EmailAddress.IsValid(pool.ManagerEmail), $"{path}.managerEmail", "must be an email address.");
        }
        errors.AddIf(routing.SdrPool is not null && !ids.Contains(routing.SdrPool), "routing.sdrPool", $"'{routing.SdrPool}' is not one of routing.pools.");
    }

    private static void ValidateSla(SlaConfig sla, ValidationErrors errors)
    {
        CheckDuration(errors, "sla.firstTouch.high", sla.FirstTouch.High);
        CheckDuration(errors, "sla.firstTouch.normal", sla.FirstTouch.Normal);
        errors.AddIf(sla.WarningFraction is <= 0 or >= 1 || double.IsNaN(sla.WarningFraction), "sla.warningFraction", "must be between 0 and 1, exclusive.");
        errors.AddIf(sla.MaxBreaches is < 1 or > 20, "sla.maxBreaches", "must be between 1 and 20.");
        errors.AddIf(!Enum.IsDefined(sla.OnExhausted), "sla.onExhausted", "must be 'queue' or 'recycle'.");
        foreach (var (stage, duration) in sla.Stall)
        {
            errors.AddIf(!StallStages.Contains(stage), $"sla.stall.{stage}", $"stall limits apply to {string.Join(", ", StallStages)}.");
            CheckDuration(errors, $"sla.stall.{stage}", duration);
        }
    }

    private static void CheckPoints(ValidationErrors errors, string path, decimal points) =>
        errors.AddIf(Math.Abs(points) > MaxPoints, path, $"must be between -{MaxPoints} and {MaxPoints}.");

    private static void CheckThreshold(ValidationErrors errors, string path, decimal value) =>
        errors.AddIf(Math.Abs(value) > MaxThreshold, path, $"must be between -{MaxThreshold} and {MaxThreshold}.");

    private static void CheckDuration(ValidationErrors errors, string path, TimeSpan duration) =>
        errors.AddIf(duration < TimeSpan.FromSeconds(1) || duration > MaxDuration, path, "must be between PT1S and P3650D.");

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    public static partial Regex ActivityType();

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex Domain();
}
