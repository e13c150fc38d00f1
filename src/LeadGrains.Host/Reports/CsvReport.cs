using System.Globalization;
using System.Text;
using LeadGrains.Domain.Reports;

namespace LeadGrains.Host.Reports;

/// <summary>
/// Writes a report table as RFC 4180 CSV: a header row, comma-separated, fields quoted when they hold
/// a comma, quote or line break, numbers in invariant culture. Text that a spreadsheet would run as
/// a formula (starting with <c>= + - @</c>) is prefixed with an apostrophe.
/// </summary>
public static class CsvReport
{
    public const string ContentType = "text/csv";

    public static bool IsWanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    public static string Write(ReportTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Columns);
        foreach (var row in table.Rows)
        {
            Line(csv, row);
        }
        return csv.ToString();
    }

    private static void Line<T>(StringBuilder csv, IReadOnlyList<T> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

}
