using LeadGrains.Domain.Reports;
using LeadGrains.Domain.Reports.Views;
using LeadGrains.Grains.Reports;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadGrains.Host.Reports;

/// <summary>
/// <c>GET /api/v1/reports/{report}</c>: the closed-loop reports (DESIGN §5), read from aggregates
/// kept as leads change, so a report's cost depends on the window and the dimensions, never on the
/// number of leads. JSON by default; CSV with <c>Accept: text/csv</c>.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(ApiScopes.Read);
        Map(api, "funnel", "Leads captured in the window: how far they got, stage-to-stage conversion, recycles, stalls and the bottleneck",
            (data, _) => FunnelReport.From(data));
        Map(api, "velocity", "Median and p90 time in each stage, for leads that left it in the window", (data, _) => VelocityReport.From(data));
        Map(api, "sla", "First-touch compliance, time to first touch and breaches, overall, per rep and per pool", (data, _) => SlaReport.From(data));
        Map(api, "quality", "Handed off vs accepted, rejected and returned, with reasons, per source", (data, _) => QualityReport.From(data));
        Map(api, "sources", "Source and campaign → sales-ready → won and revenue, for leads captured in the window", (data, _) => SourcesReport.From(data));
        Map(api, "reps", "Per rep: open leads now; handed off, contacted, won, lost, rejected and SLA compliance in the window", (data, _) => RepsReport.From(data));
        Map(api, "forecast", "Expected wins and revenue from open leads, using the window's measured conversion (with a prior when thin)",
            (data, query) => ForecastReport.From(data, query.PriorWeightOrDefault));
        Map(api, "profile", "Features over-represented among won leads against all leads captured in the window (lift, minimum support)",
            (data, query) => ProfileReport.From(data, query.MinSupportOrDefault));
        return api;
    }

    private static void Map<T>(RouteGroupBuilder api, string name, string summary, Func<ReportData, ReportQuery, T> build) where T : ITabularReport
    {
        api.MapGet($"/{name}", async Task<Results<Ok<ReportResponse<T>>, ContentHttpResult, ValidationProblem>> (
                [AsParameters] ReportQuery query, HttpRequest request, ReportReader reader, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var (filter, errors) = query.Validate(time.GetUtcNow());
                if (filter is null)
                {
                    return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Invalid report query");
                }
                var report = build(await reader.ReadAsync(filter, cancellationToken), query);
                return CsvReport.IsWanted(request)
                    ? TypedResults.Text(CsvReport.Write(report.ToTable()), CsvReport.ContentType)
                    : TypedResults.Ok(new ReportResponse<T>(name, filter.From, filter.To, ReportFilterView.Of(filter), report));
            })
            .Produces(StatusCodes.Status200OK, contentType: CsvReport.ContentType)
            .WithName($"report-{name}")
            .WithSummary(summary);
    }
}
