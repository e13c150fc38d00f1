using System.Text.Json;
using LeadGrains.Domain.Configuration;

namespace LeadGrains.Host.Configuration;

/// <summary>
/// Reads a configuration document strictly, as <c>PUT /config</c> and <c>POST /config/simulate</c> both do:
/// an unknown member or a missing section is an error with its path, not a silent default.
/// </summary>
public static class ConfigDocument
{
    public static readonly string[] Sections = ["scoring", "routing", "sla"];
    private static readonly string[] WholeDocument = ["is required: the configuration is taken whole."];

    /// <param name="pathPrefix">Prefixes every error path, for a document nested in a request (<c>config.</c>).</param>
    public static (EngineConfig? Config, Dictionary<string, string[]> Errors) Read(
        JsonElement element, JsonSerializerOptions strict, IEnumerable<string> required, string pathPrefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new() { [pathPrefix.Length == 0 ? "$" : pathPrefix.TrimEnd('.')] = ["must be a JSON object."] });
        }
        var missing = required.Where(section => !element.TryGetProperty(section, out _)).ToArray();
        if (missing.Length > 0)
        {
            return (null, missing.ToDictionary(section => pathPrefix + section, _ => WholeDocument));
        }
        try
        {
            return (element.Deserialize<EngineConfig>(strict), []);
        }
        catch (JsonException exception)
        {
            var path = exception.Path ?? "$";
            var prefixed = pathPrefix.Length == 0 ? path : "$." + pathPrefix + path.TrimStart('$').TrimStart('.');
            return (null, new() { [prefixed.TrimEnd('.')] = [FirstSentence(exception.Message)] });
        }
    }

    /// <summary>A serializer message without the path it repeats.</summary>
    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
