using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadGrains.LoadTest;

/// <summary>
/// One step's result as benchmarks/run-all.sh collects them, one JSON file per step: a name the report looks it up by,
/// a line for people, and flat named figures. LeadGrains.Benchmarks and the script (for pgbench and the machine)
/// write the same shape.
/// </summary>
public sealed record ResultFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("figures")] IReadOnlyDictionary<string, double> Figures)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static ResultFile Read(string path) =>
        JsonSerializer.Deserialize<ResultFile>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} holds no result.");

    /// <summary>Every result file in a folder, by name (the machine description too, under the name <c>machine</c>).</summary>
    public static Dictionary<string, ResultFile> ReadAll(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").Select(Read).ToDictionary(result => result.Name, StringComparer.Ordinal);
}
