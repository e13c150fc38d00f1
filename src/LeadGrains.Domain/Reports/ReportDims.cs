using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Reports;

/// <summary>
/// What a reported fact is filed under, besides its day: the lead's source and campaign, and the
/// pool and rep it was with when the fact happened (empty when none). Reports filter on these.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ReportDims(
    [property: Id(0)] string Source,
    [property: Id(1)] string Campaign,
    [property: Id(2)] string Pool,
    [property: Id(3)] string Rep)
{
    public static ReportDims Of(LeadProfile profile, string? pool, string? rep) =>
        new(profile.Source ?? "", profile.Campaign ?? "", pool ?? "", rep ?? "");
}

/// <summary>Where a lead is counted among open leads right now: its stage and its dimensions.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ReportSlot([property: Id(0)] LeadStage Stage, [property: Id(1)] ReportDims Dims);

/// <summary>
/// The filter a report is read with: a window of UTC days (both ends included) and optional exact
/// matches on the dimensions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReportFilter(DateOnly From, DateOnly To, string? Source = null, string? Campaign = null, string? Pool = null, string? Rep = null)
{
    public bool Matches(ReportDims dims) =>
        (Source is null || Source == dims.Source)
        && (Campaign is null || Campaign == dims.Campaign)
        && (Pool is null || Pool == dims.Pool)
        && (Rep is null || Rep == dims.Rep);

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
