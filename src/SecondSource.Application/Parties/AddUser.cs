using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

/// <summary>
/// A person to add. Buyer roles join the buyer party (created on first use, named <see cref="BuyerName"/> or
/// after the e-mail domain); the Member role joins the manufacturer <see cref="ManufacturerId"/>.
/// </summary>
public sealed record AddUserRequest(string Email, string? DisplayName, Role Role, string Password, PartyId? ManufacturerId = null, string? BuyerName = null);

public sealed record AddedUser(Guid Id, string Email, Role Role, PartyId PartyId, string PartyName, bool CreatedBuyer);

public sealed class AddUserHandler(SecondSourceDbContext db, UserManager<UserAccount> users, TimeProvider clock)
{
    public async Task<Result<AddedUser>> HandleAsync(AddUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MailAddress.TryCreate(request.Email?.Trim(), out var mail) || mail.Address != request.Email!.Trim())
        {
            return Fail.Invalid($"'{request.Email}' is not an e-mail address.");
        }

        var email = mail.Address;
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Fail.Conflict($"A user with the e-mail {email} already exists.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Party party;
        var createdBuyer = false;
        if (request.Role == Role.Member)
        {
            if (request.ManufacturerId is not { } manufacturerId)
            {
                return Fail.Invalid("A Member belongs to a manufacturer: name the manufacturer.");
            }

            var found = await db.Parties.SingleOrDefaultAsync(p => p.Id == manufacturerId, ct);
            if (found is null)
            {
                return Fail.NotFound($"There is no manufacturer {manufacturerId}.");
            }

            party = found;
        }
        else
        {
            var buyer = await db.Parties.SingleOrDefaultAsync(p => p.Kind == PartyKind.Buyer, ct);
            if (buyer is null)
            {
                buyer = Party.CreateBuyer(string.IsNullOrWhiteSpace(request.BuyerName) ? mail.Host : request.BuyerName, now);
                db.Parties.Add(buyer);
                await db.SaveChangesAsync(ct);
                createdBuyer = true;
            }

            party = buyer;
        }

        Roles.EnsureValidFor(party.Kind, request.Role);
        var user = new UserAccount
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : Guard.RequiredText(request.DisplayName, "Display name", 200),
            PartyId = party.Id,
            Role = request.Role,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, request.Password ?? "");
        if (!created.Succeeded)
        {
            return Fail.Invalid(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(ct);
        return Result.Ok(new AddedUser(user.Id, email, user.Role, party.Id, party.Name, createdBuyer));
    }
}
