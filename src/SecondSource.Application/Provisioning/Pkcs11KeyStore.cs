using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using SecondSource.Domain.Common;
using SecondSource.Domain.Provisioning;

namespace SecondSource.Application.Provisioning;

/// <summary>What a PKCS#11 token says about a private key's protection (the custody page and the tests read it).</summary>
public sealed record TokenKeyProtection(bool Sensitive, bool Extractable, bool AlwaysSensitive, bool NeverExtractable, bool ValueReadable);

/// <summary>
/// The HSM backend through PKCS#11 (Pkcs11Interop). Keys are generated on the token as token objects with
/// CKA_SENSITIVE true and CKA_EXTRACTABLE false, so the token itself refuses to reveal or wrap them; signing is
/// CKM_ECDSA over a digest computed by the caller (SoftHSM2 has no combined ECDSA-SHA-256 mechanism). The module is
/// loaded once per process; calls are serialised on one logged-in session.
/// </summary>
public sealed class Pkcs11KeyStore(ProvisioningOptions options) : IKeyCustodyBackend
{
    private static readonly Pkcs11InteropFactories Factories = new();
    private static readonly ConcurrentDictionary<string, Lazy<IPkcs11Library>> Libraries = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Token> Tokens = new(StringComparer.Ordinal);
    private static int _resolverSet;

    public KeyBackend Backend => KeyBackend.Pkcs11;

    public string? Unavailable =>
        options.Pkcs11Library is null ? "Provisioning:Pkcs11:Library is not set"
        : !File.Exists(options.Pkcs11Library) ? $"the PKCS#11 module {options.Pkcs11Library} does not exist"
        : options.Pkcs11Token is null ? "Provisioning:Pkcs11:Token (the token label) is not set"
        : options.Pkcs11Pin is null ? "no PIN: set Provisioning:Pkcs11:PinFile or SECONDSOURCE_PKCS11_PIN"
        : null;

    public string Location => $"PKCS#11 token '{options.Pkcs11Token}' via {options.Pkcs11Library}";

    public GeneratedKey Generate(Guid id, string label, KeyAlgorithm algorithm)
    {
        var handle = id.ToString("N");
        return Use(session =>
        {
            var f = Factories.ObjectAttributeFactory;
            var keyId = Convert.FromHexString(handle);
            var curve = new AsnWriter(AsnEncodingRules.DER);
            curve.WriteObjectIdentifier(KeyAlgorithms.CurveOid(algorithm));
            var publicTemplate = new List<IObjectAttribute>
            {
                f.Create(CKA.CKA_TOKEN, true),
                f.Create(CKA.CKA_PRIVATE, false),
                f.Create(CKA.CKA_VERIFY, true),
                f.Create(CKA.CKA_EC_PARAMS, curve.Encode()),
                f.Create(CKA.CKA_ID, keyId),
                f.Create(CKA.CKA_LABEL, label),
            };
            var privateTemplate = new List<IObjectAttribute>
            {
                f.Create(CKA.CKA_TOKEN, true),
                f.Create(CKA.CKA_PRIVATE, true),
                f.Create(CKA.CKA_SENSITIVE, true),
                f.Create(CKA.CKA_EXTRACTABLE, false),
                f.Create(CKA.CKA_SIGN, true),
                f.Create(CKA.CKA_ID, keyId),
                f.Create(CKA.CKA_LABEL, label),
            };
            session.GenerateKeyPair(Factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN), publicTemplate, privateTemplate, out var publicKey, out _);
            var point = session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
            return new GeneratedKey(handle, SubjectPublicKeyInfo(algorithm, point));
        });
    }

    public byte[] SignDigest(string handle, KeyAlgorithm algorithm, ReadOnlySpan<byte> digest)
    {
        var data = digest.ToArray();
        return Use(session => session.Sign(Factories.MechanismFactory.Create(CKM.CKM_ECDSA), PrivateKey(session, handle), data));
    }

    /// <summary>The token's protection attributes of the private key, and whether its value could be read (it must not).</summary>
    public TokenKeyProtection Inspect(string handle) => Use(session =>
    {
        var key = PrivateKey(session, handle);
        var attributes = session.GetAttributeValue(key, [CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_ALWAYS_SENSITIVE, CKA.CKA_NEVER_EXTRACTABLE]);
        bool readable;
        try
        {
            var value = session.GetAttributeValue(key, [CKA.CKA_VALUE])[0];
            readable = !value.CannotBeRead && value.GetValueAsByteArray() is { Length: > 0 };
        }
        catch (Pkcs11Exception ex) when (ex.RV is CKR.CKR_ATTRIBUTE_SENSITIVE or CKR.CKR_ATTRIBUTE_TYPE_INVALID)
        {
            readable = false;
        }

        return new TokenKeyProtection(attributes[0].GetValueAsBool(), attributes[1].GetValueAsBool(), attributes[2].GetValueAsBool(), attributes[3].GetValueAsBool(), readable);
    });

    private static IObjectHandle PrivateKey(ISession session, string handle)
    {
        var f = Factories.ObjectAttributeFactory;
        var found = session.FindAllObjects([f.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), f.Create(CKA.CKA_ID, Convert.FromHexString(handle))]);
        return found.Count == 1 ? found[0] : throw new DomainException($"The PKCS#11 token holds {found.Count} private keys with id {handle}; expected one.");
    }

    private static byte[] SubjectPublicKeyInfo(KeyAlgorithm algorithm, byte[] ecPoint)
    {
        // CKA_EC_POINT is DER OCTET STRING { 04 || X || Y } (PKCS#11 2.40 §2.3.3); some modules return the bare point.
        // The DER wrapping also starts with 0x04 (the OCTET STRING tag), so the length tells the two apart.
        var size = algorithm == KeyAlgorithm.EcdsaP256 ? 32 : 48;
        var point = ecPoint.Length == 1 + 2 * size && ecPoint[0] == 0x04 ? ecPoint : AsnDecoder.ReadOctetString(ecPoint, AsnEncodingRules.DER, out _);
        if (point.Length != 1 + 2 * size || point[0] != 0x04)
        {
            throw new CryptographicException("The token returned a compressed or malformed EC point.");
        }

        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.CreateFromValue(KeyAlgorithms.CurveOid(algorithm)),
            Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] },
        });
        return key.ExportSubjectPublicKeyInfo();
    }

    private T Use<T>(Func<ISession, T> action)
    {
        if (Unavailable is { } why)
        {
            throw new DomainException($"The PKCS#11 backend cannot be used: {why}.");
        }

        var token = Tokens.GetOrAdd($"{options.Pkcs11Library}\n{options.Pkcs11Token}", _ => Token.Open(Library(options.Pkcs11Library!), options.Pkcs11Token!, options.Pkcs11Pin!));
        lock (token)
        {
            return action(token.Session);
        }
    }

    private static IPkcs11Library Library(string path)
    {
        // Pkcs11Interop imports dlopen from "libdl", which modern glibc ships only as libdl.so.2.
        if (Interlocked.Exchange(ref _resolverSet, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, ResolveLibdl);
        }

        return Libraries.GetOrAdd(path, p => new Lazy<IPkcs11Library>(() => Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, p, AppType.MultiThreaded))).Value;
    }

    private static IntPtr ResolveLibdl(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero;

    /// <summary>One logged-in read-write session on the token, kept for the process (PKCS#11 login state is per application).</summary>
    private sealed class Token(ISession session)
    {
        public ISession Session { get; } = session;

        public static Token Open(IPkcs11Library library, string label, string pin)
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == label)
                ?? throw new DomainException($"No PKCS#11 token is labelled '{label}' (initialise one, e.g. softhsm2-util --init-token --free --label {label}).");
            var session = slot.OpenSession(SessionType.ReadWrite);
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception ex) when (ex.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
                // Another session of this process logged in already; the login is shared.
            }
            catch (Pkcs11Exception ex) when (ex.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LOCKED)
            {
                session.Dispose();
                throw new DomainException($"The PKCS#11 token '{label}' refused the PIN ({ex.RV}).");
            }

            return new Token(session);
        }
    }
}
