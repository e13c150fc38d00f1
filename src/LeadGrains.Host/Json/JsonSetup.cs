using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadGrains.Host.Json;

public static class JsonSetup
{
    /// <summary>camelCase members, snake_case enum values (<c>sales_ready</c>), ISO 8601 durations.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new Iso8601DurationConverter());
    }

    /// <summary>The API's options with unknown members refused, for documents where a typo must not pass silently.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        new(options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
}
