using LeadGrains.Host.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Security;

public static class SecurityExtensions
{
    /// <summary>API-key authentication and one policy per scope; a key with <c>admin</c> passes every policy.</summary>
    public static IHostApplicationBuilder AddLeadGrainsSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.Ingest, policy => policy.RequireClaim(ApiScopes.ClaimType, ApiScopes.Ingest, ApiScopes.Admin))
            .AddPolicy(ApiScopes.Read, policy => policy.RequireClaim(ApiScopes.ClaimType, ApiScopes.Read, ApiScopes.Admin))
            .AddPolicy(ApiScopes.Admin, policy => policy.RequireClaim(ApiScopes.ClaimType, ApiScopes.Admin));
        builder.Services.AddSingleton<IValidateOptions<LeadGrainsOptions>, ApiKeyOptionsValidator>();
        return builder;
    }
}

/// <summary>Refuses to start without API keys outside Development, and refuses malformed keys anywhere.</summary>
public sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<LeadGrainsOptions>
{
    public const int MinKeyLength = 12;

    public ValidateOptionsResult Validate(string? name, LeadGrainsOptions options)
    {
        var failures = new List<string>();
        if (options.ApiKeys.Count == 0 && !environment.IsDevelopment())
        {
            failures.Add($"LeadGrains:ApiKeys is empty: outside Development the API needs at least one key ({environment.EnvironmentName}). Set LeadGrains__ApiKeys__0__Key and LeadGrains__ApiKeys__0__Scopes__0.");
        }
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (key.Key.Length < MinKeyLength)
            {
                failures.Add($"LeadGrains:ApiKeys:{i}:Key must be at least {MinKeyLength} characters.");
            }
            if (key.Scopes.Count == 0 || key.Scopes.Any(scope => !ApiScopes.All.Contains(scope)))
            {
                failures.Add($"LeadGrains:ApiKeys:{i}:Scopes must list one or more of {string.Join(", ", ApiScopes.All)}.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
