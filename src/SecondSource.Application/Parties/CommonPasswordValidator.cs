using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace SecondSource.Application.Parties;

/// <summary>
/// Refuses a password that is one of the 100,000 most common in breaches (the NCSC's list, shipped as data:
/// Parties/Data/README.md), or is one of them with digits and symbols around it ("password1234", "Summer2024!"), the
/// way people stretch a listed word to the minimum length. Compared without regard to case. The list is read once.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UserAccount>
{
    public const string Code = "CommonPassword";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>Whether the password is on the list, or is a listed word with digits and symbols around it.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }

        var core = lower.Trim("0123456789!@#$%^&*()_+-=[]{};:'\",.<>/?\\|`~ ".ToCharArray());
        return core.Length > 0 && core.Length < lower.Length && List.Value.Contains(core);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is one of the most common in breaches (or one of them with digits or symbols added); choose another, a few unrelated words work well." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("SecondSource.Application.Parties.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
