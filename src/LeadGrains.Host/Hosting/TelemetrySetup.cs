using LeadGrains.Grains.Telemetry;
using LeadGrains.Host.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;

namespace LeadGrains.Host.Hosting;

/// <summary>
/// OpenTelemetry for the on-call engineer (DESIGN §7): one trace from the HTTP request through the
/// grain calls to storage, the Orleans and LeadGrains meters on <c>/metrics</c>, and OTLP export of
/// traces, metrics and logs when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "leadgrains";
    public const string MetricsPath = "/metrics";
    public const string OrleansMeterName = "Microsoft.Orleans";

    public static IHostApplicationBuilder AddLeadGrainsTelemetry(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddActivityPropagation());
        var siloName = builder.Configuration[$"{LeadGrainsOptions.Section}:{nameof(LeadGrainsOptions.SiloName)}"];
        // No sampler is set here on purpose: the SDK then honours OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG.
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName,
                serviceInstanceId: string.IsNullOrWhiteSpace(siloName) ? Environment.MachineName : siloName))
            .WithTracing(tracing => tracing
                .AddProcessor<OrleansBackgroundSpanFilter>()
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperationsPath(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(
                    OrleansActivitySources.ApplicationGrainActivitySourceName,
                    OrleansActivitySources.RuntimeActivitySourceName,
                    OrleansActivitySources.StorageActivitySourceName,
                    OrleansActivitySources.LifecycleActivitySourceName)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(OrleansMeterName, LeadGrainsMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary><c>/metrics</c>: anonymous in Development, admin-scoped anywhere else.</summary>
    public static WebApplication MapLeadGrainsMetrics(this WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (app.Environment.IsDevelopment())
        {
            metrics.AllowAnonymous();
        }
        else
        {
            metrics.RequireAuthorization(ApiScopes.Admin);
        }
        return app;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase);
}
