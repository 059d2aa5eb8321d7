using Microsoft.AspNetCore.Identity;

namespace SecondSource.Application.Parties;

/// <summary>
/// Password and lockout rules, the same for the web and the CLI. Length over composition (NIST SP 800-63B
/// §5.1.1.2): at least 12 characters, no forced character classes; ten failed sign-ins lock the account for
/// fifteen minutes.
/// </summary>
public static class IdentityRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 10;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// No refused sign-in answers sooner than this, whatever refused it: above one password verification (about 70–100 ms
    /// here) plus the failure count's write, so the causes cannot be told apart by time.
    /// </summary>
    public static readonly TimeSpan RefusalFloor = TimeSpan.FromMilliseconds(200);

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
        options.SignIn.RequireConfirmedAccount = false;
    }
}
