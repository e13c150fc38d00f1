using System.Globalization;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Scoring;

/// <summary>Whether a fit (or routing) condition matches a lead, and what matched, for the explanation.</summary>
public static class FitRuleMatcher
{
    public static string? Match(FitRule rule, LeadProfile profile)
    {
        foreach (var value in profile.ValuesOf(rule.Field))
        {
            if (MatchValue(rule, value.Trim()) is { } matched)
            {
                return matched;
            }
        }
        return null;
    }

    private static string? MatchValue(FitRule rule, string value)
    {
        if (rule.EqualsAny?.FirstOrDefault(candidate => string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)) is { } equal)
        {
            return $"is '{equal}'";
        }
        if (rule.ContainsAny?.FirstOrDefault(candidate => value.Contains(candidate, StringComparison.OrdinalIgnoreCase)) is { } part)
        {
            return $"contains '{part}'";
        }
        if ((rule.Min is not null || rule.Max is not null)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (rule.Min is null || number >= rule.Min) && (rule.Max is null || number <= rule.Max))
        {
            return $"{number.ToString(CultureInfo.InvariantCulture)} in [{rule.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"}, {rule.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}]";
        }
        return null;
    }
}
