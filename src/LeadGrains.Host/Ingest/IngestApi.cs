using LeadGrains.Host.Hosting;
using LeadGrains.Host.Problems;
using LeadGrains.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Ingest;

/// <summary><c>POST /api/v1/ingest</c>: an NDJSON batch, streamed, with a result per line (DESIGN §7).</summary>
public static class IngestApi
{
    public const string NdjsonContentType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapIngestApi(this WebApplication app)
    {
        var maxBytes = app.Services.GetRequiredService<IOptions<LeadGrainsOptions>>().Value.Api.MaxIngestBytes;
        app.MapPost("/api/v1/ingest", IngestAsync).WithTags("Ingest").RequireAuthorization(ApiScopes.Ingest)
            .Accepts<string>(NdjsonContentType)
            .WithMetadata(new BodySizeLimit(maxBytes))
            .WithSummary("NDJSON batch of captures, activities and sales actions (kind: capture | activity | sales_action); a result per line");
        return app;
    }

    public static async Task<Results<Ok<IngestSummary>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, LeadEventIngest ingest, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), NdjsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedMediaType($"The body must be {NdjsonContentType}: one JSON object per line.");
        }
        return TypedResults.Ok(await ingest.IngestAsync(NdjsonReader.ReadAsync(request.Body, cancellationToken), cancellationToken));
    }
}
