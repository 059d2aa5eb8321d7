using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SecondSource.Formats.Boms.Export;

/// <summary>
/// Writes a <see cref="FlaggedBom"/> as an XLSX workbook (Office Open XML, one sheet): the same columns as the CSV,
/// quantities as numbers and text as inline strings through the same formula guard as the CSV
/// (<see cref="SpreadsheetText.Defuse"/>), a bold frozen header, flagged lines shaded, column widths from the content. Written with
/// the framework's ZIP and XML writers; the BOM reader reads it back.
/// </summary>
public static class FlaggedBomXlsxWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static void Write(FlaggedBom bom, Stream output)
    {
        ArgumentNullException.ThrowIfNull(bom);
        ArgumentNullException.ThrowIfNull(output);
        var table = FlaggedBomTable.Of(bom);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Text(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Text(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Text(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Text(zip, "xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFDE7E4"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf fillId="2" applyFill="1"/></cellXfs></styleSheet>
            """);

        var sheetName = Clip($"{bom.Revision} {bom.Line}", 31);
        using (var workbook = Xml(zip, "xl/workbook.xml"))
        {
            workbook.WriteStartElement("workbook", MainNs);
            workbook.WriteAttributeString("xmlns", "r", null, "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            workbook.WriteStartElement("sheets", MainNs);
            workbook.WriteStartElement("sheet", MainNs);
            workbook.WriteAttributeString("name", SheetName(sheetName));
            workbook.WriteAttributeString("sheetId", "1");
            workbook.WriteAttributeString("r", "id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "rId1");
            workbook.WriteEndElement();
            workbook.WriteEndElement();
            workbook.WriteEndElement();
        }

        using var sheet = Xml(zip, "xl/worksheets/sheet1.xml");
        sheet.WriteStartElement("worksheet", MainNs);
        sheet.WriteStartElement("sheetViews", MainNs);
        sheet.WriteStartElement("sheetView", MainNs);
        sheet.WriteAttributeString("workbookViewId", "0");
        sheet.WriteStartElement("pane", MainNs);
        sheet.WriteAttributeString("ySplit", "1");
        sheet.WriteAttributeString("topLeftCell", "A2");
        sheet.WriteAttributeString("state", "frozen");
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteStartElement("cols", MainNs);
        for (var c = 0; c < table.Header.Count; c++)
        {
            var longest = table.Rows.Select(r => r[c].Length).Append(table.Header[c].Length).Max();
            sheet.WriteStartElement("col", MainNs);
            sheet.WriteAttributeString("min", (c + 1).ToString(CultureInfo.InvariantCulture));
            sheet.WriteAttributeString("max", (c + 1).ToString(CultureInfo.InvariantCulture));
            sheet.WriteAttributeString("width", Math.Clamp(longest + 2, 8, 60).ToString(CultureInfo.InvariantCulture));
            sheet.WriteAttributeString("customWidth", "1");
            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
        sheet.WriteStartElement("sheetData", MainNs);
        Row(sheet, 1, table.Header, style: 1);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Row(sheet, r + 2, table.Rows[r], style: bom.Lines[r].Flag is null ? 0 : 2);
        }

        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    private static void Row(XmlWriter sheet, int number, IReadOnlyList<string> cells, int style)
    {
        sheet.WriteStartElement("row", MainNs);
        sheet.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].Length == 0 && style == 0)
            {
                continue;
            }

            sheet.WriteStartElement("c", MainNs);
            sheet.WriteAttributeString("r", Column(c) + number.ToString(CultureInfo.InvariantCulture));
            if (style != 0)
            {
                sheet.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            }

            if (number > 1 && FlaggedBomTable.NumericColumns.Contains(c)
                && decimal.TryParse(cells[c], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                sheet.WriteElementString("v", MainNs, value.ToString(CultureInfo.InvariantCulture));
                sheet.WriteEndElement();
                continue;
            }

            sheet.WriteAttributeString("t", "inlineStr");
            sheet.WriteStartElement("is", MainNs);
            sheet.WriteStartElement("t", MainNs);
            sheet.WriteAttributeString("xml", "space", null, "preserve");
            sheet.WriteString(XmlSafe(SpreadsheetText.Defuse(cells[c])));
            sheet.WriteEndElement();
            sheet.WriteEndElement();
            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray()).Trim('\'');
        return cleaned.Length == 0 ? "BOM" : cleaned;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Characters XML 1.0 cannot carry are dropped rather than failing the export.</summary>
    private static string XmlSafe(string text) => text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        var bytes = Encoding.UTF8.GetBytes(content.Trim());
        stream.Write(bytes);
    }

    private static XmlWriter Xml(ZipArchive zip, string name) =>
        XmlWriter.Create(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
}
