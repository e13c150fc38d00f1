using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadGrains.Host.Problems;

/// <summary>The problems endpoints return by name, so each reads the same wherever it is raised.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    public static ProblemHttpResult Unauthorized(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);

    public static ProblemHttpResult LeadNotFound(string leadId) =>
        NotFound("Lead not found", $"No lead has id '{(leadId.Length > 64 ? leadId[..64] : leadId)}'.");
}
