using System.Globalization;
using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>
/// The features the won-customer profile compares, as <c>field:value</c> strings: tags, industry,
/// country, region, source, a company-size band and custom attributes. Free text such as names and
/// titles is left out, so the number of distinct features stays bounded by the vocabulary.
/// </summary>
public static class ProfileFeatures
{
    private const int MaxValueLength = 64;
    private static readonly int[] SizeBands = [10, 50, 200, 1000, 5000];

    public static IEnumerable<string> Of(LeadProfile profile)
    {
        foreach (var tag in profile.Tags.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return Feature("tag", tag);
        }
        string?[] fields = [profile.Industry, profile.Country, profile.Region, profile.Source];
        string[] names = ["industry", "country", "region", "source"];
        for (var i = 0; i < fields.Length; i++)
        {
            if (Present(fields[i]))
            {
                yield return Feature(names[i], fields[i]!);
            }
        }
        if (profile.Employees is { } employees)
        {
            yield return Feature("employees", SizeBand(employees));
        }
        foreach (var (key, value) in profile.Attributes)
        {
            if (Present(value))
            {
                yield return Feature($"attributes.{key}", value);
            }
        }
    }

    /// <summary>Company size as a band: <c>1-10</c>, <c>11-50</c>, …, <c>5001+</c>.</summary>
    public static string SizeBand(int employees)
    {
        var lower = 1;
        foreach (var upper in SizeBands)
        {
            if (employees <= upper)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{lower}-{upper}");
            }
            lower = upper + 1;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{lower}+");
    }

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);

    private static string Feature(string field, string value)
    {
        var normalized = value.Trim().ToLowerInvariant();
        return $"{field}:{(normalized.Length > MaxValueLength ? normalized[..MaxValueLength] : normalized)}";
    }
}
