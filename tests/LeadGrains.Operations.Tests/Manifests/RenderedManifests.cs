using System.Diagnostics;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace LeadGrains.Operations.Tests.Manifests;

/// <summary>An overlay under <c>k8s/overlays</c> rendered by <c>kubectl kustomize</c>, as JSON objects to read.</summary>
public sealed class RenderedManifests
{
    private RenderedManifests(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static RenderedManifests Render(string overlay)
    {
        var directory = Path.Combine(RepositoryRoot(), "k8s", "overlays", overlay);
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var kubectl = Start(start);
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var error = kubectl.StandardError.ReadToEndAsync();
        if (!kubectl.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            kubectl.Kill();
            throw new TimeoutException($"kubectl kustomize {directory} did not finish within a minute.");
        }
        if (kubectl.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed ({kubectl.ExitCode}): {error.Result}");
        }
        return new RenderedManifests(Parse(output.Result));
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(item => (string?)item["kind"] == kind);

    public JsonObject Named(string kind, string name) =>
        Assert.Single(OfKind(kind), item => (string?)item["metadata"]!["name"] == name);

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The rendered-manifest tests need kubectl on the PATH (it renders kustomize offline; no cluster is used).", ex);
        }
    }

    /// <summary>Each YAML document as JSON; scalars stay strings, as YAML wrote them.</summary>
    private static List<JsonObject> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var objects = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object>(parser);
            if (document is not null)
            {
                objects.Add(JsonNode.Parse(json.Serialize(document))!.AsObject());
            }
        }
        return objects;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LeadGrains.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No LeadGrains.sln above {AppContext.BaseDirectory}.");
    }
}
