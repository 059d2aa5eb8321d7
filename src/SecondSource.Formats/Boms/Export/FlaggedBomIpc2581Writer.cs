using System.Globalization;
using System.Text;
using System.Xml;

namespace SecondSource.Formats.Boms.Export;

/// <summary>
/// Writes a <see cref="FlaggedBom"/> as an IPC-2581 revision C file with a Bom and an Avl section (and the minimal
/// Content, LogisticHeader, HistoryRecord and Ecad the schema requires). Each part is one <c>BomItem</c> joined to one
/// <c>AvlItem</c> by its OEM design number; each source is an <c>AvlVmpn</c> with <c>qualified="true"</c> only when
/// the library approves it for the line, <c>chosen="true"</c> on the preferred approved one, and <c>AvlMpn/@rank</c>
/// from the library. Lines without a part number get an OEM design number of their own (<c>ROW-n</c>).
/// A BOM knows no board geometry, so the file names no Step and no Layer (a reference to one it does not define
/// fails the schema's key references); it validates against the official IPC-2581C schema (a test checks it with xmllint).
/// </summary>
public static class FlaggedBomIpc2581Writer
{
    private const string Ns = "http://webstds.ipc.org/2581";

    public static void Write(FlaggedBom bom, Stream output)
    {
        ArgumentNullException.ThrowIfNull(bom);
        ArgumentNullException.ThrowIfNull(output);
        var items = bom.Lines.Select((line, i) => (Line: line, Oem: line.PartNumber ?? "ROW-" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        var enterprises = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in bom.Lines.SelectMany(l => l.Sources))
        {
            enterprises.TryAdd(source.Manufacturer, "MFR-" + (enterprises.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        var stamp = bom.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var name = Safe($"{bom.ProductCode} {bom.Revision}");
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("IPC-2581", Ns);
        xml.WriteAttributeString("revision", "C");

        xml.WriteStartElement("Content", Ns);
        xml.WriteAttributeString("roleRef", "Owner");
        Empty(xml, "FunctionMode", ("mode", "BOM"));
        Empty(xml, "BomRef", ("name", "BOM"));
        Empty(xml, "AvlRef", ("name", "AVL"));
        xml.WriteEndElement();

        xml.WriteStartElement("LogisticHeader", Ns);
        Empty(xml, "Role", ("id", "Owner"), ("roleFunction", "SENDER"));
        Empty(xml, "Enterprise", ("id", "OWNER"), ("name", "SecondSource"), ("code", "NONE"));
        foreach (var (maker, id) in enterprises)
        {
            Empty(xml, "Enterprise", ("id", id), ("name", Safe(maker)), ("code", "NONE"));
        }

        Empty(xml, "Person", ("name", Safe(bom.GeneratedBy)), ("enterpriseRef", "OWNER"), ("roleRef", "Owner"));
        xml.WriteEndElement();

        xml.WriteStartElement("HistoryRecord", Ns);
        xml.WriteAttributeString("number", "1");
        xml.WriteAttributeString("origination", stamp);
        xml.WriteAttributeString("software", "SecondSource");
        xml.WriteAttributeString("lastChange", stamp);
        xml.WriteStartElement("FileRevision", Ns);
        xml.WriteAttributeString("fileRevisionId", "1");
        xml.WriteAttributeString("comment", Safe($"{bom.ProductName} {bom.Revision}: sources approved for {bom.Line}"));
        xml.WriteStartElement("SoftwarePackage", Ns);
        xml.WriteAttributeString("name", "SecondSource");
        xml.WriteAttributeString("vendor", "SecondSource");
        xml.WriteAttributeString("revision", "1");
        Empty(xml, "Certification", ("certificationStatus", "SELFTEST"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("Bom", Ns);
        xml.WriteAttributeString("name", "BOM");
        xml.WriteStartElement("BomHeader", Ns);
        xml.WriteAttributeString("assembly", Safe(bom.ProductCode));
        xml.WriteAttributeString("revision", Safe(bom.Revision));
        xml.WriteEndElement();
        foreach (var (line, oem) in items)
        {
            xml.WriteStartElement("BomItem", Ns);
            xml.WriteAttributeString("OEMDesignNumberRef", Safe(oem));
            xml.WriteAttributeString("quantity", line.Quantity?.ToString(CultureInfo.InvariantCulture) ?? line.Designators.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("category", "ELECTRICAL");
            if (line.InternalPartNumber is { } ipn)
            {
                xml.WriteAttributeString("internalPartNumber", Safe(ipn));
            }

            if (line.Description is { } description)
            {
                xml.WriteAttributeString("description", Safe(description));
            }

            foreach (var designator in line.Designators)
            {
                xml.WriteStartElement("RefDes", Ns);
                xml.WriteAttributeString("name", Safe(designator));
                if (line.Footprint is { } footprint)
                {
                    xml.WriteAttributeString("packageRef", Safe(footprint));
                }

                xml.WriteAttributeString("populate", line.Dnp ? "false" : "true");
                xml.WriteEndElement();
            }

            xml.WriteStartElement("Characteristics", Ns);
            xml.WriteAttributeString("category", "ELECTRICAL");
            Textual(xml, "Value", line.Value);
            Textual(xml, "Critical", line.Critical ? "yes" : "no");
            Textual(xml, "Flag", line.Flag);
            if (line.Generic)
            {
                Textual(xml, "Manufacturer", "Any");
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("Ecad", Ns);
        xml.WriteAttributeString("name", name);
        Empty(xml, "CadHeader", ("units", "MILLIMETER"));
        xml.WriteEndElement();

        xml.WriteStartElement("Avl", Ns);
        xml.WriteAttributeString("name", "AVL");
        Empty(xml, "AvlHeader", ("title", Safe($"AVL for {bom.Line}")), ("source", "SecondSource"), ("author", Safe(bom.GeneratedBy)), ("datetime", stamp), ("version", "1"));
        foreach (var (line, oem) in items.DistinctBy(i => i.Oem))
        {
            xml.WriteStartElement("AvlItem", Ns);
            xml.WriteAttributeString("OEMDesignNumber", Safe(oem));
            var chosen = line.Approved.OrderBy(s => s.Rank).FirstOrDefault();
            foreach (var source in line.Sources)
            {
                xml.WriteStartElement("AvlVmpn", Ns);
                xml.WriteAttributeString("qualified", source.Approved ? "true" : "false");
                xml.WriteAttributeString("chosen", ReferenceEquals(source, chosen) ? "true" : "false");
                Empty(xml, "AvlMpn", ("name", Safe(source.Mpn)), ("rank", source.Rank.ToString(CultureInfo.InvariantCulture)), ("other", Safe(source.Status)));
                Empty(xml, "AvlVendor", ("enterpriseRef", enterprises[source.Manufacturer]));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Textual(XmlWriter xml, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Empty(xml, "Textual", ("definitionSource", "SecondSource"), ("textualCharacteristicName", name), ("textualCharacteristicValue", Safe(value)));
    }

    private static void Empty(XmlWriter xml, string element, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(element, Ns);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
    }

    private static string Safe(string text) => text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
