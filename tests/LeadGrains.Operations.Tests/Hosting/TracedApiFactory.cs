using System.Diagnostics;
using LeadGrains.Api.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Trace;

namespace LeadGrains.Operations.Tests.Hosting;

/// <summary>The real host, with every finished span also kept in memory for the test to read.</summary>
public sealed class TracedApiFactory : LeadGrainsApiFactory
{
    public LockedCollection<Activity> Spans { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }
}
