using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadGrains.Domain.Webhooks;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    OutsideWindow,
    Mismatch,
}

/// <summary>
/// <c>X-LeadGrains-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;raw body&gt;"&gt;</c> (DESIGN §8),
/// for deliveries we receive and deliveries we send. Signing the timestamp with the body lets a receiver refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-LeadGrains-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(body, secret, timestamp))}";
    }

    /// <summary>Valid when some <c>v1</c> matches (compared in constant time) and <c>t</c> lies within <see cref="Window"/> of <paramref name="now"/>.</summary>
    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureCheck.Missing;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 3 + 64 && part[3..].All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(part[3..]));
            }
        }
        if (timestamp is not { } seconds || signatures.Count == 0)
        {
            return SignatureCheck.Malformed;
        }
        if (seconds is < 0 or > 253_402_300_799 || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return SignatureCheck.OutsideWindow;
        }
        var expected = Compute(body, secret, seconds);
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }
        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static byte[] Compute(ReadOnlySpan<byte> body, string secret, long timestamp)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
