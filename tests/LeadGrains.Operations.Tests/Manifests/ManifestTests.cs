using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LeadGrains.Host.Health;
using LeadGrains.Host.Storage;
using LeadGrains.Host.Hosting;
using LeadGrains.Host.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LeadGrains.Operations.Tests.Manifests;

/// <summary>
/// Renders each kustomize overlay offline (kubectl kustomize) and checks the manifests against what
/// the host actually reads: probe paths, ports, and every environment variable name and value.
/// </summary>
public sealed class ManifestTests
{
    public static readonly TheoryData<string> Overlays = new() { "dev", "prod" };

    private static JsonObject Silo(RenderedManifests rendered) =>
        rendered.Named("Deployment", "leadgrains")["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Select(node => node!.AsObject()).Single(container => (string?)container["name"] == "leadgrains");

    private static int ContainerPort(JsonObject container, string name) =>
        int.Parse((string)container["ports"]!.AsArray().Single(port => (string?)port!["name"] == name)!["containerPort"]!, CultureInfo.InvariantCulture);

    private static IReadOnlyList<JsonObject> Env(JsonObject container) =>
        [.. container["env"]!.AsArray().Select(node => node!.AsObject())];

    /// <summary>The container's environment as the host's configuration would see it, with stand-ins for values Kubernetes fills in.</summary>
    private static IConfiguration Configuration(JsonObject container) =>
        new ConfigurationBuilder().AddInMemoryCollection(Env(container).Select(variable => KeyValuePair.Create<string, string?>(
            ((string)variable["name"]!).Replace("__", ":", StringComparison.Ordinal),
            (string?)variable["value"] ?? StandIn(variable["valueFrom"]!.AsObject())))).Build();

    private static string StandIn(JsonObject valueFrom) =>
        (string?)valueFrom["fieldRef"]?["fieldPath"] switch
        {
            "metadata.name" => "leadgrains-7d9f8b6c5d-x2x4q",
            "status.podIP" => "10.1.2.3",
            null when valueFrom["secretKeyRef"] is not null => "secret-from-kubernetes-0123456789",
            var other => throw new InvalidOperationException($"No stand-in for {valueFrom.ToJsonString()} ({other})."),
        };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Probes_ask_the_health_endpoints_the_host_maps_on_the_port_it_listens_on(string overlay)
    {
        var silo = Silo(RenderedManifests.Render(overlay));

        Assert.Equal(HealthSetup.StartupPath, (string?)silo["startupProbe"]!["httpGet"]!["path"]);
        Assert.Equal(HealthSetup.ReadyPath, (string?)silo["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal(HealthSetup.LivePath, (string?)silo["livenessProbe"]!["httpGet"]!["path"]);
        Assert.All(new[] { "startupProbe", "readinessProbe", "livenessProbe" }, probe => Assert.Equal("http", (string?)silo[probe]!["httpGet"]!["port"]));
        var urls = Configuration(silo)["ASPNETCORE_URLS"];
        Assert.Equal($"http://+:{ContainerPort(silo, "http")}", urls);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_LeadGrains_variable_binds_to_a_setting_of_the_host_with_a_valid_value(string overlay)
    {
        var silo = Silo(RenderedManifests.Render(overlay));
        var configuration = Configuration(silo);

        // Throws on a key that LeadGrainsOptions has no property for, or a value it cannot convert.
        var settings = configuration.GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>(binder => binder.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal(StorageKind.Postgres, settings.Storage);
        Assert.Equal(ContainerPort(silo, "silo"), settings.SiloPort);
        Assert.Equal(ContainerPort(silo, "gateway"), settings.GatewayPort);
        Assert.Equal("metadata.name", FieldPath(silo, "LeadGrains__SiloName"));
        Assert.Equal("status.podIP", FieldPath(silo, "LeadGrains__AdvertisedIPAddress"));
        Assert.False(string.IsNullOrEmpty(settings.ClusterId));
        Assert.False(string.IsNullOrEmpty(settings.ServiceId));
        var production = new HostingEnvironment { EnvironmentName = configuration["ASPNETCORE_ENVIRONMENT"]! };
        Assert.Equal(Environments.Production, production.EnvironmentName);
        var keys = new ApiKeyOptionsValidator(production).Validate(null, settings);
        Assert.True(keys.Succeeded, keys.FailureMessage);
        Assert.Contains(settings.ApiKeys, key => key.Scopes.Contains(ApiScopes.Admin));
        Assert.All(Env(silo).Where(variable => ((string)variable["name"]!).EndsWith("__Key", StringComparison.Ordinal)),
            variable => Assert.NotNull(variable["valueFrom"]?["secretKeyRef"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_and_schema_job_read_the_connection_string_from_a_secret(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var job = rendered.Named("Job", "leadgrains-db-init")["spec"]!["template"]!["spec"]!;
        var init = job["containers"]!.AsArray().Single()!.AsObject();

        foreach (var container in new[] { Silo(rendered), init })
        {
            Assert.NotNull(Configuration(container).GetConnectionString(PostgresStorageSetup.ConnectionStringName));
            Assert.NotNull(Env(container).Single(variable => (string?)variable["name"] == "ConnectionStrings__LeadGrains")["valueFrom"]!["secretKeyRef"]);
        }
        Assert.Equal(["db", "init"], init["args"]!.AsArray().Select(arg => (string)arg!));
        Assert.Equal("false", (string?)job["automountServiceAccountToken"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Deployment_rolls_without_losing_capacity_and_stops_within_its_grace_period(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var deployment = rendered.Named("Deployment", "leadgrains")["spec"]!;
        var pod = deployment["template"]!["spec"]!;
        var silo = Silo(rendered);
        var settings = Configuration(silo).GetSection(LeadGrainsOptions.Section).Get<LeadGrainsOptions>()!;

        Assert.Equal("0", (string?)deployment["strategy"]!["rollingUpdate"]!["maxUnavailable"]);
        var grace = TimeSpan.FromSeconds(int.Parse((string)pod["terminationGracePeriodSeconds"]!, CultureInfo.InvariantCulture));
        Assert.True(grace > settings.ShutdownTimeout, $"grace {grace} must exceed LeadGrains:ShutdownTimeout {settings.ShutdownTimeout}");
        Assert.True(settings.ShutdownDrainDelay < settings.ShutdownTimeout);
        Assert.NotNull(silo["resources"]!["requests"]!["cpu"]);
        Assert.Null(silo["resources"]!["limits"]?["cpu"]);
        Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Service_budget_and_account_fit_the_silo_pods(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);
        var template = rendered.Named("Deployment", "leadgrains")["spec"]!["template"]!;
        var podLabels = template["metadata"]!["labels"]!.AsObject();
        bool Selects(JsonNode? selector) => selector!.AsObject().All(label => (string?)podLabels[label.Key] == (string?)label.Value);

        var service = rendered.Named("Service", "leadgrains")["spec"]!;
        Assert.True(Selects(service["selector"]));
        Assert.Equal("http", (string?)service["ports"]![0]!["targetPort"]);
        Assert.True(Selects(rendered.Named("PodDisruptionBudget", "leadgrains")["spec"]!["selector"]!["matchLabels"]));
        var account = rendered.Named("ServiceAccount", "leadgrains");
        Assert.Equal("false", (string?)account["automountServiceAccountToken"]);
        Assert.Equal("leadgrains", (string?)template["spec"]!["serviceAccountName"]);
        Assert.Equal("false", (string?)template["spec"]!["automountServiceAccountToken"]);
    }

    [Fact]
    public void Dev_overlay_runs_its_own_postgres_that_the_connection_string_names()
    {
        var rendered = RenderedManifests.Render("dev");

        var database = rendered.Named("StatefulSet", "leadgrains-postgres");
        var service = rendered.Named("Service", "leadgrains-postgres");
        var secretName = (string)Env(Silo(rendered)).Single(variable => (string?)variable["name"] == "ConnectionStrings__LeadGrains")["valueFrom"]!["secretKeyRef"]!["name"]!;
        var secret = rendered.Named("Secret", secretName);
        var connectionString = Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["connection-string"]!));
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };

        Assert.Equal((string?)service["metadata"]!["name"], (string)builder["Host"]);
        Assert.Equal((string?)service["spec"]!["ports"]![0]!["port"], (string)builder["Port"]);
        Assert.NotNull(database["spec"]!["volumeClaimTemplates"]);
    }

    [Fact]
    public void Prod_overlay_brings_no_database_and_no_secret_of_its_own()
    {
        var rendered = RenderedManifests.Render("prod");

        Assert.Empty(rendered.OfKind("StatefulSet"));
        Assert.Empty(rendered.OfKind("Secret"));
        Assert.Equal(["leadgrains-api-keys", "leadgrains-db"],
            Env(Silo(rendered)).Select(variable => (string?)variable["valueFrom"]?["secretKeyRef"]?["name"]).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }

    private static string? FieldPath(JsonObject container, string name) =>
        (string?)Env(container).Single(variable => (string?)variable["name"] == name)["valueFrom"]?["fieldRef"]?["fieldPath"];
}
