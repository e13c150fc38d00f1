using System.Globalization;
using LeadGrains.Domain.Reports;
using LeadGrains.Domain.Reports.Views;
using LeadGrains.Domain.Validation;
using LeadGrains.Grains.Reports;
using Microsoft.AspNetCore.Mvc;

namespace LeadGrains.Host.Reports;

/// <summary>
/// A report's query string: the window as UTC days, both ends included (<c>from</c>, <c>to</c>;
/// default the 30 days ending today), exact-match filters, and the knobs of the forecast and profile.
/// </summary>
public sealed record ReportQuery
{
    private const int MaxFilterLength = 200;

    [FromQuery] public string? From { get; init; }
    [FromQuery] public string? To { get; init; }
    [FromQuery] public string? Source { get; init; }
    [FromQuery] public string? Campaign { get; init; }
    [FromQuery] public string? Pool { get; init; }
    [FromQuery] public string? Rep { get; init; }
    /// <summary>Profile: the fewest won leads a feature needs to be reported (default 3).</summary>
    [FromQuery] public string? MinSupport { get; init; }
    /// <summary>Forecast: how many leads' worth of weight the prior conversion rates carry (default 20).</summary>
    [FromQuery] public string? PriorWeight { get; init; }

    public (ReportFilter? Filter, ValidationErrors Errors) Validate(DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var to = Day(To, "to", errors) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var from = Day(From, "from", errors) ?? to.AddDays(-29);
        if (errors.IsValid && from > to)
        {
            errors.Add("from", "must not be after 'to'.");
        }
        else if (errors.IsValid && to.DayNumber - from.DayNumber + 1 > ReportReader.MaxDays)
        {
            errors.Add("to", $"the window may span at most {ReportReader.MaxDays} days.");
        }
        foreach (var (name, value) in new[] { ("source", Source), ("campaign", Campaign), ("pool", Pool), ("rep", Rep) })
        {
            if (value?.Length > MaxFilterLength)
            {
                errors.Add(name, $"must be at most {MaxFilterLength} characters.");
            }
        }
        _ = Number(MinSupport, "minSupport", 1, errors);
        _ = Number(PriorWeight, "priorWeight", 0, errors);
        return errors.IsValid ? (new ReportFilter(from, to, Source, Campaign, Pool, Rep), errors) : (null, errors);
    }

    public int MinSupportOrDefault => Number(MinSupport, "minSupport", 1, new ValidationErrors()) ?? ProfileReport.DefaultMinSupport;

    public int PriorWeightOrDefault => Number(PriorWeight, "priorWeight", 0, new ValidationErrors()) ?? ForecastReport.DefaultPriorWeight;

    private static DateOnly? Day(string? value, string name, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(name, "must be a UTC day written yyyy-MM-dd.");
        return null;
    }

    private static int? Number(string? value, string name, int minimum, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= 1_000_000)
        {
            return number;
        }
        errors.Add(name, $"must be a whole number from {minimum} to 1000000.");
        return null;
    }
}

/// <summary>A report with the window and filters it was computed for.</summary>
public sealed record ReportResponse<T>(string Report, DateOnly From, DateOnly To, ReportFilterView Filters, T Data);

public sealed record ReportFilterView(string? Source, string? Campaign, string? Pool, string? Rep)
{
    public static ReportFilterView Of(ReportFilter filter) => new(filter.Source, filter.Campaign, filter.Pool, filter.Rep);
}
