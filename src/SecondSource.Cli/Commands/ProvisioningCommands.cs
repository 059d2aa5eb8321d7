using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Provisioning;
using SecondSource.Application.Vault;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Cli.Commands;

/// <summary>
/// <c>secondsource keys list|create</c>, <c>secondsource firmware release|sign|list</c> and
/// <c>secondsource certs allocate|issue|revoke|crl</c>: keys in custody, signed firmware releases, and device
/// certificates (issue tests a station's request exactly as the API decides it).
/// </summary>
internal static class ProvisioningCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static Actor Operator => new($"cli:{Environment.UserName}", "operator (command line)", null);

    public static Command Keys(CliContext context)
    {
        var keys = new Command("keys", "Signing keys and device CAs in custody: generated in their backend, never exported.");
        var json = CommandActions.JsonOption();
        var list = new Command("list", "The keys with their custody: backend, algorithm, fingerprint, created when and by whom.") { json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var all = await services.GetRequiredService<ProvisioningQueries>().KeysAsync(ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, all.Select(k => new
                {
                    k.Id, k.Name, purpose = k.Purpose.ToString(), backend = k.Backend.ToString(), algorithm = KeyAlgorithms.Name(k.Algorithm), k.Fingerprint, k.CreatedAt, k.CreatedBy, k.CrlNumber,
                }));
            }
            else
            {
                await CliOutput.WriteTableAsync(context.Console.Out, ["Name", "Purpose", "Backend", "Algorithm", "Fingerprint", "Created"],
                    all.Select(k => (IReadOnlyList<string>)[k.Name, k.Purpose.ToString(), k.Backend.ToString(), KeyAlgorithms.Name(k.Algorithm), k.Fingerprint, $"{k.CreatedAt.ToString("yyyy-MM-dd", Inv)} {k.CreatedBy}"]));
            }

            return ExitCodes.Ok;
        });
        keys.Subcommands.Add(list);

        var name = new Option<string>("--name") { Description = "The key's name, unique.", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "firmware (signs firmware images), ca (the device CA) or checkpoint (signs the access log's checkpoints).", Required = true };
        var algorithm = new Option<string>("--algorithm") { Description = "ecdsa-p256 (default) or ecdsa-p384.", DefaultValueFactory = _ => "ecdsa-p256" };
        var backend = new Option<string?>("--backend") { Description = "software or pkcs11; default Provisioning:Backend (software)." };
        var create = new Command("create", "Generate a key inside a backend and record its public half; a CA also gets its self-signed certificate.") { name, purpose, algorithm, backend, json };
        create.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var keyPurpose = parsed.GetValue(purpose)!.Trim().ToLowerInvariant() switch
            {
                "firmware" or "firmware-signing" or "signing" => KeyPurpose.FirmwareSigning,
                "ca" or "device-ca" => KeyPurpose.DeviceCa,
                "checkpoint" or "log-checkpoint" => KeyPurpose.LogCheckpoint,
                var other => throw new CliUsageException($"--purpose '{other}' is not firmware, ca or checkpoint."),
            };
            KeyAlgorithm keyAlgorithm;
            KeyBackend? keyBackend;
            try
            {
                keyAlgorithm = KeyAlgorithms.Parse(parsed.GetValue(algorithm));
                keyBackend = parsed.GetValue(backend) is { Length: > 0 } b
                    ? Enum.TryParse<KeyBackend>(b, true, out var found) && Enum.IsDefined(found) && !int.TryParse(b, out _) ? found : throw new CliUsageException($"--backend '{b}' is not software or pkcs11.")
                    : null;
            }
            catch (DomainException ex)
            {
                throw new CliUsageException(ex.Message);
            }

            var result = await services.GetRequiredService<CreateCustodyKeyHandler>().HandleAsync(new CreateCustodyKeyRequest(parsed.GetValue(name)!, keyPurpose, keyAlgorithm, keyBackend, Operator), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var key = (await services.GetRequiredService<ProvisioningQueries>().KeysAsync(ct)).Single(k => k.Id == result.Value);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, new { key.Id, key.Name, purpose = key.Purpose.ToString(), backend = key.Backend.ToString(), key.Fingerprint });
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Generated '{key.Name}' ({KeyAlgorithms.Name(key.Algorithm)}, {key.Purpose}) in the {key.Backend} backend; fingerprint {key.FingerprintGroups}.");
            }

            return ExitCodes.Ok;
        });
        keys.Subcommands.Add(create);
        return keys;
    }

    public static Command Firmware(CliContext context)
    {
        var firmware = new Command("firmware", "Firmware releases: a vault revision released under a version and signed with a key in custody.");
        var product = new Option<string>("--product") { Description = "The product: its code, its name or id (a unique part is enough).", Required = true };
        var version = new Option<string>("--version") { Description = "The firmware version, e.g. 2.5.1.", Required = true };
        var revision = CliValues.OptionalIntOption("--revision", "The firmware binary's vault revision (default: the latest).", 1, int.MaxValue);
        var release = new Command("release", "Release a firmware revision of the vault under a version (the approval).") { product, version, revision };
        release.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var result = await services.GetRequiredService<ReleaseFirmwareHandler>().HandleAsync(new ReleaseFirmwareRequest(target.Id, parsed.GetValue(version)!, parsed.GetValue(revision), Operator), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"{target.Code} firmware {parsed.GetValue(version)!.Trim()} is released; sign it with 'secondsource firmware sign'.");
            return ExitCodes.Ok;
        });
        firmware.Subcommands.Add(release);

        var signProduct = new Option<string>("--product") { Description = "The product: its code, its name or id (a unique part is enough).", Required = true };
        var signVersion = new Option<string>("--version") { Description = "The released version to sign.", Required = true };
        var key = new Option<string>("--key") { Description = "The firmware signing key's name or id.", Required = true };
        var output = new Option<string?>("--out") { Description = "Also write the detached signature (DER) to this file." };
        var sign = new Command("sign", "Sign a released image with a firmware signing key: ECDSA over its digest, DER, verifiable with openssl dgst -verify.") { signProduct, signVersion, key, output };
        sign.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(signProduct)!, ct);
            var queries = services.GetRequiredService<ProvisioningQueries>();
            var wanted = parsed.GetValue(signVersion)!.Trim();
            var found = (await queries.ReleasesAsync(target.Id, ct)).FirstOrDefault(r => r.Version == wanted)
                ?? throw new CliUsageException($"{target.Code} has no released version {wanted}; 'secondsource firmware list' shows them.");
            var signingKey = await KeyAsync(queries, parsed.GetValue(key)!, ct);
            var result = await services.GetRequiredService<SignFirmwareReleaseHandler>().HandleAsync(new SignFirmwareReleaseRequest(found.Id, signingKey.Id, Operator), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            if (parsed.GetValue(output) is { } path)
            {
                await File.WriteAllBytesAsync(path, Convert.FromBase64String(result.Value!), ct);
            }

            await context.Console.Out.WriteLineAsync($"{target.Code} {wanted} is signed with '{signingKey.Name}' ({signingKey.Fingerprint}); signature {result.Value}");
            return ExitCodes.Ok;
        });
        firmware.Subcommands.Add(sign);

        var json = CommandActions.JsonOption();
        var listProduct = new Option<string?>("--product") { Description = "Only this product (code or id)." };
        var list = new Command("list", "The firmware releases and their signatures.") { listProduct, json };
        list.SetScopedAction(context, async (parsed, services, ct) =>
        {
            Guid? only = parsed.GetValue(listProduct) is { } p ? (await CommandActions.ProductAsync(services, p, ct)).Id : null;
            var releases = await services.GetRequiredService<ProvisioningQueries>().ReleasesAsync(only, ct);
            if (parsed.GetValue(json))
            {
                await CliOutput.WriteJsonAsync(context.Console.Out, releases);
            }
            else
            {
                await CliOutput.WriteTableAsync(context.Console.Out, ["Product", "Version", "Image", "Approved", "Signed"],
                    releases.Select(r => (IReadOnlyList<string>)[r.Product, r.Version, $"{r.FileName} (rev {r.RevisionNumber})", $"{r.ApprovedAt.ToString("yyyy-MM-dd", Inv)} {r.ApprovedBy}",
                        r.SignedAt is { } s ? $"{s.ToString("yyyy-MM-dd", Inv)} with {r.KeyName}" : "not signed"]));
            }

            return ExitCodes.Ok;
        });
        firmware.Subcommands.Add(list);
        return firmware;
    }

    public static Command Certs(CliContext context)
    {
        var certs = new Command("certs", "Device certificates: serial blocks, issuing (as a station would), revocation and the CRL.");
        certs.Subcommands.Add(Allocate(context));
        certs.Subcommands.Add(Issue(context));
        certs.Subcommands.Add(Revoke(context));
        certs.Subcommands.Add(Crl(context));
        return certs;
    }

    private static Command Allocate(CliContext context)
    {
        var batch = new Option<string>("--batch") { Description = "The open batch: its name as 'testdata batches' shows it, or its id.", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "The serials' prefix, e.g. AUR2701-V.", DefaultValueFactory = _ => "" };
        var first = CliValues.LongOption("--first", "The first number.", 0, required: true);
        var last = CliValues.LongOption("--last", "The last number.", 0, required: true);
        var width = CliValues.IntOption("--width", "Digits, zero-padded.", 1, 18, 6);
        var command = new Command("allocate", "Allocate a block of serial numbers to a batch: the certificates its line may obtain.") { batch, prefix, first, last, width };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var id = (await Resolve.BatchAsync(services, parsed.GetValue(batch)!, ct)).Id;
            var result = await services.GetRequiredService<AllocateSerialsHandler>().HandleAsync(
                new AllocateSerialsRequest(id, parsed.GetValue(prefix)!, parsed.GetValue(first), parsed.GetValue(last), parsed.GetValue(width), Operator.Name), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync(string.Create(Inv, $"{parsed.GetValue(last) - parsed.GetValue(first) + 1} serials allocated; block {result.Value}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Issue(CliContext context)
    {
        var line = new Option<string>("--line") { Description = "The line: its id, or a unique part of '<manufacturer> / <line>'.", Required = true };
        var serial = new Option<string>("--serial") { Description = "The unit's serial number.", Required = true };
        var csr = new Option<string>("--csr") { Description = "The unit's certificate signing request (PEM or DER file).", Required = true };
        var firmware = new Option<string?>("--firmware") { Description = "The firmware version the unit runs." };
        var output = new Option<string?>("--out") { Description = "Write the certificate (PEM) to this file instead of stdout." };
        var command = new Command("issue", "Issue a device certificate as a station would (every rule applied and logged). Exit 1 when refused, with the reason.") { line, serial, csr, firmware, output };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await TestDataCommands.LineAsync(services, parsed.GetValue(line)!, ct);
            byte[] request;
            await using (var stream = CommandActions.OpenInput(parsed.GetValue(csr)!))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                request = copy.ToArray();
            }

            var outcome = await services.GetRequiredService<IssueDeviceCertificateHandler>().HandleAsync(
                new IssueDeviceCertificateRequest(target.Id, parsed.GetValue(serial)!, request, parsed.GetValue(firmware), new CertificateCaller(Operator, null, null, null)), ct);
            if (outcome.Certificate is not { } issued)
            {
                await context.Console.Error.WriteLineAsync($"secondsource: refused ({outcome.Refusal}): {outcome.Reason}");
                return ExitCodes.Findings;
            }

            if (parsed.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, issued.CertificatePem + "\n", ct);
                await context.Console.Out.WriteLineAsync($"Issued {issued.Subject} (certificate {issued.CertificateSerial}, batch {issued.BatchName}, until {issued.NotAfter:yyyy-MM-dd}) to {path}.");
            }
            else
            {
                await context.Console.Out.WriteLineAsync(issued.CertificatePem);
            }

            if (issued.FirmwareWarning is { } warning)
            {
                await context.Console.Error.WriteLineAsync($"warning: {warning}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product: its code, its name or id (a unique part is enough).", Required = true };
        var serial = new Option<string>("--serial") { Description = "The unit's serial number.", Required = true };
        var reason = new Option<string>("--reason") { Description = "unspecified, keyCompromise, superseded, cessationOfOperation or affiliationChanged.", DefaultValueFactory = _ => "unspecified" };
        var command = new Command("revoke", "Revoke a unit's certificate; its CA publishes a new CRL at once.") { product, serial, reason };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var target = await CommandActions.ProductAsync(services, parsed.GetValue(product)!, ct);
            var text = parsed.GetValue(reason)!;
            var why = Enum.TryParse<X509RevocationReason>(text, true, out var r) && DeviceCertificate.Reasons.Contains(r) && !int.TryParse(text, out _)
                ? r : throw new CliUsageException($"--reason '{text}' is not one of {string.Join(", ", DeviceCertificate.Reasons)}.");
            var result = await services.GetRequiredService<RevokeDeviceCertificateHandler>().HandleAsync(new RevokeDeviceCertificateRequest(target.Id, parsed.GetValue(serial)!, why, Operator), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            await context.Console.Out.WriteLineAsync($"Revoked the certificate of {parsed.GetValue(serial)!.Trim()} ({why}); CRL {result.Value!.Number} published with {result.Value.Entries} entr{(result.Value.Entries == 1 ? "y" : "ies")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Crl(CliContext context)
    {
        var ca = new Option<string>("--ca") { Description = "The device CA's name or id.", Required = true };
        var output = new Option<string>("--out") { Description = "Write the CRL (DER) to this file.", Required = true };
        var command = new Command("crl", "Publish the device CA's revocation list (next update in 7 days) and write it; run it on a schedule.") { ca, output };
        command.SetScopedAction(context, async (parsed, services, ct) =>
        {
            var key = await KeyAsync(services.GetRequiredService<ProvisioningQueries>(), parsed.GetValue(ca)!, ct);
            var result = await services.GetRequiredService<PublishCrlHandler>().HandleAsync(new PublishCrlRequest(key.Id, Operator), ct);
            if (result.Failure is { } failure)
            {
                return await context.FailAsync(failure);
            }

            var crl = result.Value!;
            await File.WriteAllBytesAsync(parsed.GetValue(output)!, crl.Der, ct);
            await context.Console.Out.WriteLineAsync(string.Create(Inv, $"CRL {crl.Number} of '{key.Name}': {crl.Entries} revoked, next update {crl.NextUpdate:yyyy-MM-dd HH:mm} UTC; written to {parsed.GetValue(output)}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<KeyView> KeyAsync(ProvisioningQueries queries, string which, CancellationToken ct)
    {
        var keys = await queries.KeysAsync(ct);
        return keys.FirstOrDefault(k => k.Id.ToString() == which.Trim() || string.Equals(k.Name, which.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"There is no key '{which}'; the keys are: {string.Join("; ", keys.Select(k => k.Name))}.");
    }
}
