using LeadGrains.Host.Hosting;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Demo;

public static class DemoSetup
{
    /// <summary>Demo mode, when <c>LeadGrains:Demo</c> is true (DESIGN §9); otherwise nothing is registered.</summary>
    public static IHostApplicationBuilder AddLeadGrainsDemo(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>() ?? new LeadGrainsOptions();
        if (!settings.Demo)
        {
            return builder;
        }
        builder.Services.AddSingleton<IValidateOptions<LeadGrainsOptions>, DemoOptionsValidator>();
        builder.Services.AddSingleton<DemoSeeding>();
        builder.Services.AddSingleton<DemoStream>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoStream>());
        return builder;
    }
}

/// <summary>
/// Refuses demo mode where it would do harm: with PostgreSQL storage in Production, synthetic leads and
/// reps would be stored for good among real ones, and announced to real webhook subscribers. Memory
/// storage (a throwaway showcase) and non-Production environments (trying Postgres locally) are allowed.
/// </summary>
public sealed class DemoOptionsValidator(IHostEnvironment environment) : IValidateOptions<LeadGrainsOptions>
{
    public const double MaxRate = 500;

    public ValidateOptionsResult Validate(string? name, LeadGrainsOptions options)
    {
        if (!options.Demo)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        if (options.Storage == StorageKind.Postgres && environment.IsProduction())
        {
            failures.Add("LeadGrains:Demo is on with LeadGrains:Storage=Postgres in Production: demo mode would store synthetic leads and reps "
                + "among real ones and send them to webhook subscribers. Turn LeadGrains:Demo off, or run the demo with Memory storage or outside Production.");
        }
        if (options.DemoRate is <= 0 or > MaxRate || double.IsNaN(options.DemoRate))
        {
            failures.Add($"LeadGrains:DemoRate must be more than 0 and at most {MaxRate} leads per second.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
