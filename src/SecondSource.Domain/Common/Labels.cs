using System.Globalization;
using System.Text;

namespace SecondSource.Domain.Common;

/// <summary>
/// The one table of human labels for the domain's enum values, used by every page and the command line's tables:
/// abbreviations and standards as people write them (<c>Iso13485</c> → "ISO 13485", <c>DeviceCa</c> → "Device CA"),
/// every other code name split into words in sentence case (<c>FlyingProbe</c> → "Flying probe"). Flags are listed
/// with commas. The enum's name stays the value forms post and files store; only what people read changes.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Explicit = new(StringComparer.Ordinal)
    {
        ["Aoi"] = "AOI",
        ["Axi"] = "AXI",
        ["Ict"] = "ICT",
        ["Fct"] = "FCT",
        ["FctVectors"] = "FCT vectors",
        ["BurnIn"] = "Burn-in",
        ["DoubleSidedReflow"] = "Double-sided reflow",
        ["BoundaryScan"] = "Boundary scan",
        ["Iso9001"] = "ISO 9001",
        ["Iso13485"] = "ISO 13485",
        ["Iatf16949"] = "IATF 16949",
        ["As9100"] = "AS9100",
        ["Ipc2581"] = "IPC-2581",
        ["OdbPlusPlus"] = "ODB++",
        ["Software"] = "Software key store",
        ["Pkcs11"] = "Hardware security module (PKCS#11)",
        ["DeviceCa"] = "Device CA",
        ["LogCheckpoint"] = "Access-log checkpoint",
        ["CaRequested"] = "CA requested",
        ["EcdsaP256"] = "ECDSA P-256",
        ["EcdsaP384"] = "ECDSA P-384",
        ["Rsa"] = "RSA",
        ["Ec"] = "EC",
        ["MinRsaBits"] = "RSA key too short",
        ["BadCsrSignature"] = "CSR signature invalid",
        ["MalformedCsr"] = "CSR unreadable",
        ["PublishCrl"] = "Publish CRL",
        ["RecordNda"] = "Record NDA",
        ["Nda"] = "NDA",
        ["NdaExpired"] = "NDA expired",
        ["NoNda"] = "No NDA",
        ["Eol"] = "End of life",
        ["Nrnd"] = "Not recommended for new designs",
        ["AecQReport"] = "AEC-Q report",
        ["JedecReport"] = "JEDEC report",
        ["BomAndAvl"] = "BOM and AVL",
        ["AvlAlignment"] = "AVL alignment",
        ["PkiTemplate"] = "PKI template",
        ["RevokedApiKey"] = "Revoked API key",
        ["Csv"] = "CSV",
        ["Xlsx"] = "Excel",
        ["Json"] = "JSON",
        ["Sarif"] = "SARIF",
        ["Dpmo"] = "DPMO",
        ["Fpy"] = "First-pass yield",
        ["SecondSource"] = "Second source",
        ["Size01005"] = "01005",
        ["Size0201"] = "0201",
        ["Size0402"] = "0402",
        ["Size0603"] = "0603",
        ["Size0805"] = "0805",
        ["Size1206"] = "1206",
    };

    /// <summary>The label of one value; a flags value is a list for running text ("AOI, flying probe"; "none").</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        var name = Enum.GetName(type, value);
        if (type.IsDefined(typeof(FlagsAttribute), false))
        {
            // A set of flags in running text: "AOI, flying probe, burn-in"; no flag set is "none".
            var bits = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
            var parts = Enum.GetValues(type).Cast<Enum>()
                .Where(f => Convert.ToUInt64(f, CultureInfo.InvariantCulture) is var b && b != 0 && (bits & b) == b && ulong.IsPow2(b))
                .Select(f => Lower(Of(Enum.GetName(type, f)!)))
                .ToList();
            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }

        return Of(name ?? value.ToString());
    }

    /// <summary>The label for running text: "Flying probe" → "flying probe"; abbreviations stay ("ISO 13485", "AOI").</summary>
    public static string Lower(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
    }

    /// <summary>The label of a code name (an enum value's name as stored or posted).</summary>
    public static string Of(string codeName)
    {
        ArgumentNullException.ThrowIfNull(codeName);
        return Explicit.TryGetValue(codeName, out var label) ? label : Words(codeName);
    }

    /// <summary><c>NotComparable</c> → "Not comparable"; a digit run starts a word of its own.</summary>
    private static string Words(string codeName)
    {
        var text = new StringBuilder(codeName.Length + 8);
        for (var i = 0; i < codeName.Length; i++)
        {
            var c = codeName[i];
            var startsWord = i > 0 && ((char.IsUpper(c) && !char.IsUpper(codeName[i - 1])) || (char.IsDigit(c) && !char.IsDigit(codeName[i - 1])));
            if (startsWord)
            {
                text.Append(' ');
            }

            text.Append(i == 0 ? char.ToUpperInvariant(c) : startsWord && char.IsUpper(c) ? char.ToLowerInvariant(c) : c);
        }

        return text.ToString();
    }
}
