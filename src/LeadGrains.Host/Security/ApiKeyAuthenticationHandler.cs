using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using LeadGrains.Host.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LeadGrains.Host.Security;

/// <summary>
/// Authenticates a caller by API key: the <c>X-Api-Key</c> header, or the password of HTTP Basic
/// credentials so that a browser can open the dashboard. Keys are compared in constant time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<LeadGrainsOptions> settings) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { Length: > 0 } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var match = settings.CurrentValue.ApiKeys.FirstOrDefault(key =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Key), presentedBytes));
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }
        // The key's id (a hash, never the key) names the caller, e.g. for rate limiting per key.
        var claims = match.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope))
            .Append(new Claim(ClaimTypes.NameIdentifier, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(match.Key)))[..16]));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{HeaderName}, Basic realm=\"LeadGrains\"";
        return Task.CompletedTask;
    }

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header))
        {
            return header.ToString();
        }
        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var authorization)
            && string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && authorization.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                return decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }
}
