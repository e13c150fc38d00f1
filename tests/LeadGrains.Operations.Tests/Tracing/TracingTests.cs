using System.Diagnostics;
using System.Net;
using LeadGrains.Api.Tests.Hosting;
using LeadGrains.Operations.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace LeadGrains.Operations.Tests.Tracing;

public sealed class TracingTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    private static string UniqueEmail(string name) => $"{name}.{Guid.NewGuid():N}@bigco.com";

    [Fact]
    public async Task Capturing_a_lead_over_http_is_one_trace_from_the_request_through_the_grain_calls_to_storage()
    {
        var response = await factory.Client().PostJsonAsync("/api/v1/leads", new { email = UniqueEmail("trace"), title = "VP Sales" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var leadId = (await response.JsonAsync()).GetProperty("leadId").GetString()!;

        // The server span ends after the answer is written, so it may land a moment after the client has it.
        var trace = await Eventually.MatchAsync(() => Task.FromResult(TraceOfCapture(leadId)),
            spans => spans.Any(span => IsRequest(span, "POST", "/api/v1/leads")), "the trace of the capture, with its server span");
        var request = trace.Single(span => IsRequest(span, "POST", "/api/v1/leads"));

        var grainCalls = trace.Where(span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).ToList();
        Assert.Equal(201, request.GetTagItem("http.response.status_code"));
        Assert.Contains(grainCalls, span => span.Kind == ActivityKind.Client && span.DisplayName == "ILeadGrain/CaptureAsync");
        Assert.Contains(grainCalls, span => span.Kind == ActivityKind.Server && span.DisplayName == "ILeadIndexGrain/ClaimAsync");
        Assert.Contains(grainCalls, span => span.DisplayName == "write storage" && span.GetTagItem("orleans.grain.id")?.ToString() == $"lead/{leadId}");
        var byId = trace.ToDictionary(span => span.SpanId);
        Assert.All(grainCalls, span => Assert.True(DescendsFrom(span, request, byId), $"{span.DisplayName} is not under the request span"));
    }

    [Fact]
    public async Task No_span_carries_the_email_address_of_a_lead()
    {
        var local = $"grace.{Guid.NewGuid():N}";
        var email = $"{local}@bigco.com";
        var client = factory.Client();
        var captured = await (await client.PostJsonAsync("/api/v1/leads", new { email })).JsonAsync();
        var leadId = captured.GetProperty("leadId").GetString()!;
        var found = await client.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);

        await Eventually.MatchAsync(
            () => Task.FromResult(factory.Spans.Snapshot().Count(span => IsRequest(span, "GET", "/api/v1/leads") || IsRequest(span, "POST", "/api/v1/leads"))),
            count => count >= 2, "both server spans");
        var related = factory.Spans.Snapshot()
            .Where(span => span.Tags.Any(tag => tag.Value?.Contains(leadId, StringComparison.Ordinal) == true) || IsRequest(span, "GET", "/api/v1/leads"))
            .Select(span => span.TraceId).ToHashSet();
        var spans = factory.Spans.Snapshot().Where(span => related.Contains(span.TraceId)).ToList();

        Assert.NotEmpty(spans);
        Assert.All(spans, span =>
        {
            var text = string.Join(" ", span.DisplayName, string.Join(" ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")));
            Assert.DoesNotContain(local, text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData("always_off", null, false)]
    [InlineData("traceidratio", "1", true)]
    public void Sampler_follows_the_standard_OTEL_TRACES_SAMPLER_setting(string sampler, string? argument, bool sampled)
    {
        var sourceName = $"LeadGrains.Tests.{Guid.NewGuid():N}";
        using var factory = new SamplerFactory(sourceName).With("OTEL_TRACES_SAMPLER", sampler).With("OTEL_TRACES_SAMPLER_ARG", argument);
        _ = factory.Services.GetRequiredService<TracerProvider>();
        using var source = new ActivitySource(sourceName);

        using var span = source.StartActivity("probe");

        Assert.Equal(sampled, span?.Recorded ?? false);
    }

    private sealed class SamplerFactory(string sourceName) : LeadGrainsApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(sourceName)));
        }
    }

    private List<Activity> TraceOfCapture(string leadId)
    {
        var spans = factory.Spans.Snapshot();
        var capture = spans.FirstOrDefault(span => span.Kind == ActivityKind.Server && span.GetTagItem("orleans.rpc.target_id")?.ToString() == $"lead/{leadId}");
        return capture is null ? [] : [.. spans.Where(span => span.TraceId == capture.TraceId)];
    }

    private static bool IsRequest(Activity span, string method, string route) =>
        span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore"
        && Equals(span.GetTagItem("http.request.method"), method) && (span.GetTagItem("http.route") as string)?.TrimEnd('/') == route;

    private static bool DescendsFrom(Activity span, Activity ancestor, Dictionary<ActivitySpanId, Activity> byId)
    {
        var parent = span.ParentSpanId;
        for (var depth = 0; depth < 64 && parent != default; depth++)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
            if (!byId.TryGetValue(parent, out var next))
            {
                return false;
            }
            parent = next.ParentSpanId;
        }
        return false;
    }
}
