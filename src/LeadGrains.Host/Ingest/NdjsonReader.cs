using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LeadGrains.Host.Ingest;

/// <summary>Reads an NDJSON body a line at a time, so memory stays bounded by the longest line, not the body.</summary>
public static class NdjsonReader
{
    public static async IAsyncEnumerable<IngestItem> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return Parse(number, line);
        }
    }

    private static IngestItem Parse(int number, string line)
    {
        try
        {
            return new IngestItem(number, JsonSerializer.Deserialize<JsonElement>(line));
        }
        catch (JsonException error)
        {
            return new IngestItem(number, null, $"is not valid JSON: {error.Message}");
        }
    }
}
