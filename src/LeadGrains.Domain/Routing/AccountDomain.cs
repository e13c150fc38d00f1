using LeadGrains.Domain.Leads;

namespace LeadGrains.Domain.Routing;

/// <summary>The account a lead belongs to, for account match: its company domain, else its email's, never a free-mail domain.</summary>
public static class AccountDomain
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "gmx.de", "gmx.net", "web.de", "proton.me", "protonmail.com",
        "mail.com", "yandex.com", "yandex.ru", "qq.com", "163.com", "zoho.com", "fastmail.com",
    };

    public static string? Of(LeadProfile lead)
    {
        var domain = lead.AccountDomain;
        return domain.Length == 0 || FreeMail.Contains(domain) ? null : domain;
    }
}
