namespace LeadGrains.Domain.Validation;

/// <summary>Errors keyed by the path of the failing field (<c>scoring.fit[2].points</c>), as problem details report them.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Adds <paramref name="message"/> at <paramref name="path"/> when <paramref name="failed"/>.</summary>
    public void AddIf(bool failed, string path, string message)
    {
        if (failed)
        {
            Add(path, message);
        }
    }

    public void CheckText(string path, string? value, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            AddIf(required, path, "is required.");
            return;
        }
        AddIf(value.Length > maxLength, path, $"must be at most {maxLength} characters.");
        AddIf(value.Any(char.IsControl), path, "must not contain control characters.");
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() => string.Join("; ", _errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
}
