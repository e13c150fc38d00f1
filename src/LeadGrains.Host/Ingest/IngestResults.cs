using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadGrains.Host.Ingest;

public enum IngestOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>One line of a batch as read: its JSON, or why it could not be read.</summary>
public sealed record IngestItem(int Line, JsonElement? Json, string? ReadError = null);

/// <summary>What became of one line (DESIGN §7): accepted, duplicate, or rejected with the failing fields.</summary>
public sealed record IngestLineResult(
    int Line,
    IngestOutcome Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LeadId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null)
{
    public static IngestLineResult Rejected(int line, string path, string message) =>
        new(line, IngestOutcome.Rejected, Errors: new Dictionary<string, string[]> { [path] = [message] });
}

public sealed record IngestSummary(int Accepted, int Duplicate, int Rejected, IReadOnlyList<IngestLineResult> Results)
{
    public static IngestSummary Of(IEnumerable<IngestLineResult> results)
    {
        var ordered = results.OrderBy(result => result.Line).ToList();
        return new IngestSummary(
            ordered.Count(result => result.Result == IngestOutcome.Accepted),
            ordered.Count(result => result.Result == IngestOutcome.Duplicate),
            ordered.Count(result => result.Result == IngestOutcome.Rejected),
            ordered);
    }
}
