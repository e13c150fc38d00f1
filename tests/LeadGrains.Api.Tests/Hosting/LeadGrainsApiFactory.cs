using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace LeadGrains.Api.Tests.Hosting;

/// <summary>
/// The real host (<c>Program</c>) on Kestrel at a loopback port, with its co-hosted silo on free
/// ports and a <see cref="FakeTimeProvider"/> for business time. Tests talk to it over real HTTP.
/// </summary>
public class LeadGrainsApiFactory : WebApplicationFactory<Program>
{
    public const string DevKey = "local-dev-key";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public LeadGrainsApiFactory()
    {
        UseKestrel(0);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public string Environment { get; init; } = "Development";

    public LeadGrainsApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("LeadGrains:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LeadGrains:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LeadGrains:ClusterId", $"test-{Guid.NewGuid():N}");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (the local development key unless told otherwise).</summary>
    public HttpClient Client(string? apiKey = DevKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<LeadGrainsApiFactory>
{
    public const string Name = "api";
}
