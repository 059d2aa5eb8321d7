using System.Security.Cryptography;
using System.Text;

namespace SecondSource.Domain.Parties;

/// <summary>
/// The secret a machine presents, <c>ssk_{prefix}_{secret}</c>: the 12-hex-digit prefix finds the key without
/// a scan, the 256-bit secret proves possession. Only the SHA-256 of the secret is stored; the whole token is
/// shown once, when the key is created.
/// </summary>
public sealed record ApiKeyToken(string Prefix, string Secret)
{
    private const string Scheme = "ssk_";
    private const int PrefixLength = 12;
    private const int SecretBytes = 32;

    /// <summary>The text a machine sends in the <c>X-Api-Key</c> header.</summary>
    public string Value => $"{Scheme}{Prefix}_{Secret}";

    /// <summary>A new random token.</summary>
    public static ApiKeyToken Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        return new ApiKeyToken(prefix, secret);
    }

    /// <summary>Splits a presented token; false when it does not have the token's shape.</summary>
    public static bool TryParse(string? text, out ApiKeyToken? token)
    {
        token = null;
        if (text is null || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Scheme.Length);
        if (rest.Length <= PrefixLength + 1 || rest[PrefixLength] != '_')
        {
            return false;
        }

        var prefix = rest[..PrefixLength];
        var secret = rest[(PrefixLength + 1)..];
        if (!prefix.ContainsOnlyLowerHex() || secret.Length > 64 || !secret.IsBase64Url())
        {
            return false;
        }

        token = new ApiKeyToken(prefix.ToString(), secret.ToString());
        return true;
    }

    /// <summary>SHA-256 of the secret, the only form that is stored.</summary>
    public byte[] SecretHash() => SHA256.HashData(Encoding.UTF8.GetBytes(Secret));

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{Scheme}{Prefix}_…";

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal static class TokenSpanExtensions
{
    public static bool ContainsOnlyLowerHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBase64Url(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
