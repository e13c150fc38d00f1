using LeadGrains.Host.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace LeadGrains.Host.Problems;

/// <summary>Every error is an RFC 9457 problem-details body (DESIGN §7).</summary>
public static class ProblemsSetup
{
    public static IHostApplicationBuilder AddLeadGrainsProblems(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed JSON and wrong content types surface as exceptions the handler turns into problems.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        var maxBody = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>()?.Api.MaxBodyBytes
            ?? new ApiLimits().MaxBodyBytes;
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = maxBody);
        return builder;
    }

    public static WebApplication UseLeadGrainsProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var maxBody = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LeadGrainsOptions>>().Value.Api.MaxBodyBytes;
        // A declared length over the limit is refused before anything reads the body, on any server.
        // An endpoint may carry its own limit (BodySizeLimit); the server then enforces that one while the body streams.
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBody;
            if (context.Request.ContentLength > limit)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The body may be at most {limit} bytes.").ExecuteAsync(context);
            }
            if (limit != maxBody && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            return next(context);
        });
        return app;
    }
}

/// <summary>Maps request-reading failures (bad JSON, oversize body, wrong content type) to problems with their status.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Malformed request",
            },
            Detail = bad.InnerException is System.Text.Json.JsonException json ? json.Message : bad.Message,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
