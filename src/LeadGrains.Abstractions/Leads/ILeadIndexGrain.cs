using System.Security.Cryptography;
using System.Text;

namespace LeadGrains.Abstractions.Leads;

/// <summary>
/// Maps one identifying key of a lead (a normalized email or a CRM id) to its lead id, so that the
/// same email or CRM id is always the same lead (DESIGN §7). Keyed by <see cref="LeadKeys"/>.
/// </summary>
public interface ILeadIndexGrain : IGrainWithStringKey
{
    /// <summary>The lead id already bound to this key, or binds <paramref name="candidateLeadId"/> and returns it.</summary>
    Task<string> ClaimAsync(string candidateLeadId);

    [ReadOnly]
    Task<string?> GetAsync();
}

public static class LeadKeys
{
    /// <remarks>
    /// A digest, not the address: grain ids appear in Orleans' logs, traces, dashboard and storage keys,
    /// and none of those may carry personal data.
    /// </remarks>
    public static string Email(string normalizedEmail) =>
        $"email/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)))}";

    public static string CrmId(string crmId) => $"crm/{crmId.Trim()}";
}
