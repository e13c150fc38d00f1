using Orleans.Dashboard;
using LeadGrains.Host.Configuration;
using LeadGrains.Host.Health;
using LeadGrains.Host.Ingest;
using LeadGrains.Host.Json;
using LeadGrains.Host.Leads;
using LeadGrains.Host.Problems;
using LeadGrains.Host.RateLimiting;
using LeadGrains.Host.Reps;
using LeadGrains.Host.Reports;
using LeadGrains.Host.Routing;
using LeadGrains.Host.Security;
using LeadGrains.Host.Webhooks;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LeadGrains.Host.Hosting;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddLeadGrainsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Apply(options.SerializerOptions));
        builder.AddLeadGrainsProblems();
        builder.AddLeadGrainsSecurity();
        builder.AddLeadGrainsRateLimiting();
        builder.AddLeadGrainsHealth();
        // The live log stream would show every log line to whoever holds a dashboard credential.
        builder.Services.Configure<DashboardOptions>(dashboard => dashboard.HideTrace = !builder.Environment.IsDevelopment());
        builder.Services.AddSingleton<LeadEventIngest>();
        HttpWebhookSender.AddLeadGrainsWebhookDelivery(builder);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "LeadGrains API", Version = "v1", Description = "Lead scoring, routing and service levels on Orleans." };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key; in Development the key 'local-dev-key' works.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapLeadGrainsApi(this WebApplication app)
    {
        app.UseLeadGrainsProblems();
        app.UseAuthentication();
        app.UseLeadGrainsRateLimiting();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();
        app.MapLeadGrainsHealth();
        app.MapLeadGrainsMetrics();
        var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireAuthorization(ApiScopes.Admin);
        }
        app.MapLeadsApi();
        app.MapRepsApi();
        app.MapRoutingApi();
        app.MapReportsApi();
        app.MapConfigApi();
        app.MapSimulateApi();
        app.MapIngestApi();
        app.MapCrmWebhookApi();
        app.MapWebhookSubscriptionsApi();
        return app;
    }
}
