using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace LeadGrains.Host.Json;

/// <summary>Durations on the wire are ISO 8601 (<c>PT15M</c>, <c>P14D</c>), as DESIGN §8 asks.</summary>
public sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        try
        {
            return XmlConvert.ToTimeSpan(text ?? "");
        }
        catch (FormatException)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration such as PT15M or P14D.");
        }
        catch (OverflowException)
        {
            throw new JsonException($"'{text}' is too long a duration.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
