using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SecondSource.Application.Parties;

namespace SecondSource.Web.Authorization;

/// <summary>
/// Identity's sign-in with two rules added: a disabled person cannot sign in, and no refusal is cheaper than another.
/// Identity answers an unknown account, a disabled one and a locked one before it hashes the password, so a wrong
/// password on a real account took ten times as long as an unknown e-mail: a timing oracle for who has an account.
/// Here every refusal costs one verification of the password against a hash of the same work factor — the account's
/// own for a wrong password, a stand-in hash made once per process otherwise.
/// </summary>
public sealed class SecondSourceSignInManager(
    UserManager<UserAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly UserAccount StandIn = new() { UserName = "stand-in", Email = "stand-in@invalid" };
    private static string? standInHash;

    public override async Task<bool> CanSignInAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName ?? "");
        if (user is null)
        {
            SpendOneVerification(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(UserAccount user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Identity refuses these before it looks at the password: spend the verification it skips.
        if (!await CanSignInAsync(user) || await UserManager.IsLockedOutAsync(user))
        {
            SpendOneVerification(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>Verifies the password against a stand-in hash made by the same hasher, and so at the same cost; the answer is thrown away.</summary>
    private void SpendOneVerification(string? password)
    {
        var hash = standInHash ??= UserManager.PasswordHasher.HashPassword(StandIn, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = UserManager.PasswordHasher.VerifyHashedPassword(StandIn, hash, password ?? "");
    }
}
