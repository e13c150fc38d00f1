using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LeadGrains.Host.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LeadGrains.Host.RateLimiting;

/// <summary>
/// A token bucket per API key (per remote address for anonymous callers: health, the CRM webhook), so one
/// noisy integration cannot starve the others. Refusals are 429 problems with <c>Retry-After</c> (DESIGN §7).
/// </summary>
public static class RateLimitSetup
{
    public static IHostApplicationBuilder AddLeadGrainsRateLimiting(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>()?.Api.RateLimit ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            if (limits.PermitsPerSecond <= 0)
            {
                return;
            }
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(limits.Burst, limits.PermitsPerSecond),
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    public static WebApplication UseLeadGrainsRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } keyId
            ? $"key:{keyId}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key has used its requests for now; try again in {seconds} s.",
            },
        });
    }
}
