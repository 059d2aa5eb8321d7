using System.Security.Cryptography;
using SecondSource.Domain.Common;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// The installation's key-encryption key (KEK): 32 random bytes in a file of its own (<see cref="ProvisioningOptions.KeyEncryptionKeyFile"/>)
/// — never in the database, appsettings, the environment or a backup. It wraps the software key store's private keys
/// and the Data Protection key ring (sessions, antiforgery tokens, download links). Created on first use with mode
/// 0600 when nothing yet depends on it, and refused if anyone but the owner can read it.
/// </summary>
public static class KeyEncryptionKey
{
    public const int Bytes = 32;

    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly Lock Gate = new();

    /// <summary>
    /// The KEK's bytes (the caller zeroes them after use). When the file is missing it is created only if
    /// <paramref name="dependents"/> is zero — what was wrapped with a lost KEK stays unreadable, and a new one would
    /// hide that — otherwise the error says how many things need it.
    /// </summary>
    public static byte[] Read(ProvisioningOptions options, bool create, int dependents, string what)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.KeyEncryptionKeyFile;
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                if (!create || dependents > 0)
                {
                    throw new DomainException($"The key-encryption key {path} is missing; {what} cannot be opened without it.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try
                {
                    using var file = CreateOwnerOnly(path);
                    file.Write(RandomNumberGenerator.GetBytes(Bytes));
                    file.Flush(flushToDisk: true);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another instance on the same data folder created it first: use that one.
                }
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new DomainException($"The key-encryption key {path} can be read by others than its owner; make it mode 0600 (chmod 600) before keys are used.");
            }

            var kek = File.ReadAllBytes(path);
            return kek.Length == Bytes ? kek : throw new DomainException($"The key-encryption key {path} is {kek.Length} bytes, not {Bytes}.");
        }
    }

    /// <summary>A new file that only its owner may read and write.</summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, fileOptions);
    }
}
