using System.Text.RegularExpressions;

namespace LeadGrains.Domain.Leads;

/// <summary>Email normalization: the same normalized email is the same lead (DESIGN §7).</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased; the whole address, because plus-addressing is a person's choice to be told apart.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email) =>
        email is not null && email.Trim().Length <= MaxLength && Shape().IsMatch(email.Trim());

    public static string DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? "" : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    // One @, no spaces, a dot in the domain, no empty labels: strict enough to refuse typos and junk.
    [GeneratedRegex(@"^[^@\s]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
