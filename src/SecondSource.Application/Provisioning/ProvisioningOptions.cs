using Microsoft.Extensions.Configuration;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>
/// Key custody settings, read once from configuration. None of them is a secret: the software store's key-encryption
/// key is in a file (by default beside the data, better a systemd credential), and a PKCS#11 PIN is read from a file
/// or the environment, never from appsettings.
/// </summary>
/// <param name="DefaultBackend"><c>Provisioning:Backend</c>: Software (default) or Pkcs11.</param>
/// <param name="KeyStoreFolder"><c>Provisioning:KeyStore:Folder</c>: the wrapped private keys; default <c>&lt;data&gt;/keystore</c>.</param>
/// <param name="KeyEncryptionKeyFile"><c>Provisioning:KeyStore:KeyFile</c>; default the systemd credential
/// <c>$CREDENTIALS_DIRECTORY/secondsource-keystore-kek</c> when the service has one, else <c>&lt;data&gt;/keystore-kek</c>.</param>
/// <param name="Pkcs11Library"><c>Provisioning:Pkcs11:Library</c>: the module, e.g. /usr/lib/softhsm/libsofthsm2.so.</param>
/// <param name="Pkcs11Token"><c>Provisioning:Pkcs11:Token</c>: the token's label.</param>
/// <param name="Pkcs11Pin">From <c>Provisioning:Pkcs11:PinFile</c> (a file holding the user PIN) or <c>SECONDSOURCE_PKCS11_PIN</c>.</param>
/// <param name="IssuancePermitsPerMinute"><c>Provisioning:IssuancePermitsPerMinute</c>: certificate requests one API key may make a minute (default 120).</param>
public sealed record ProvisioningOptions(KeyBackend DefaultBackend, string KeyStoreFolder, string KeyEncryptionKeyFile, string? Pkcs11Library, string? Pkcs11Token, string? Pkcs11Pin, int IssuancePermitsPerMinute)
{
    public const string CredentialName = "secondsource-keystore-kek";

    public static ProvisioningOptions FromConfiguration(IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var backendText = configuration["Provisioning:Backend"];
        var backend = string.IsNullOrWhiteSpace(backendText) ? KeyBackend.Software
            : Enum.TryParse<KeyBackend>(backendText.Trim(), true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(backendText, out _) ? parsed
            : throw new DatabaseConfigurationException($"Provisioning:Backend is '{backendText}'; use Software or Pkcs11.");
        var credentials = configuration["CREDENTIALS_DIRECTORY"];
        var credential = string.IsNullOrEmpty(credentials) ? null : Path.Combine(credentials, CredentialName);
        var keyFile = configuration["Provisioning:KeyStore:KeyFile"] is { Length: > 0 } configured ? configured
            : credential is not null && File.Exists(credential) ? credential
            : Path.Combine(database.DataFolder, "keystore-kek");
        var pinFile = configuration["Provisioning:Pkcs11:PinFile"];
        var pin = !string.IsNullOrEmpty(pinFile) && File.Exists(pinFile) ? File.ReadAllText(pinFile).Trim() : configuration["SECONDSOURCE_PKCS11_PIN"];
        var permits = configuration.GetValue<int?>("Provisioning:IssuancePermitsPerMinute") ?? 120;
        if (permits < 1)
        {
            throw new DatabaseConfigurationException($"Provisioning:IssuancePermitsPerMinute is {permits}; it must be at least 1.");
        }

        return new ProvisioningOptions(
            backend,
            Path.GetFullPath(configuration["Provisioning:KeyStore:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(database.DataFolder, "keystore")),
            Path.GetFullPath(keyFile),
            configuration["Provisioning:Pkcs11:Library"] is { Length: > 0 } library ? library : null,
            configuration["Provisioning:Pkcs11:Token"] is { Length: > 0 } token ? token : null,
            string.IsNullOrEmpty(pin) ? null : pin,
            permits);
    }
}
