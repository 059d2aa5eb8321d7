using System.Text;
using CsCheck;
using SecondSource.Domain.Boms;
using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// The safety property of the audit: a BOM that names one maker can never be reported as dual-sourced. Each generated file
/// names one maker's lineage in many spellings (abbreviations, suffixes, brands the maker bought), and puts beside it
/// everything that is not a second maker: distributors, their stock numbers, generic and placeholder text, names that fit
/// several makers, unrecognised names, part numbers and DNP markers in the maker columns, under headers of every dialect
/// and in any column order. Whatever the reader makes of it, no line may count two makers.
/// </summary>
public sealed class BomSafetyPropertyTests
{
    // One maker each, as BOMs write it (lineage per Boms/Catalogue/manufacturers.txt).
    private static readonly string[][] Lineages =
    [
        ["Texas Instruments", "TI", "Texas Instruments Inc.", "TEXAS INSTRUMENTS", "Burr-Brown", "National Semiconductor", "TI / Texas Instruments"],
        ["Analog Devices", "ADI", "Linear Technology", "Maxim Integrated", "Analog Devices Inc.", "LTC", "Analog Devices / Maxim"],
        ["Microchip", "Atmel", "Microchip Technology Inc.", "MCHP", "Microsemi"],
        ["YAGEO", "Yageo Corp.", "KEMET", "Phycomp", "Yageo Corporation"],
        ["Murata", "muRata", "Murata Electronics North America", "Murata Manufacturing Co., Ltd."],
    ];

    // Text a maker column or a second-source column may hold that is not a second maker.
    private static readonly string[] NotAMaker =
    [
        "Digi-Key", "Mouser", "LCSC", "Farnell", "Arrow Electronics", "DigiKey", "Any", "Generic", "TBD", "N/A", "-", "Sanyo", "Philips",
        "Zhejiang Lanke Electronics", "Shenzhen Xinyuan Tech Co., Ltd.", "296-1234-1-ND", "C25804", "595-SN74LVC1G07DCKR",
        "GRM188R71H104KA93D", "DNP", "see schematic",
    ];

    private static readonly string[] Distributors = ["Digi-Key", "Mouser", "LCSC", "Farnell", "Newark", "TME", ""];
    private static readonly string[] Skus = ["296-1234-1-ND", "C25804", "595-SN74LVC1G07DCKR", "81-GRM188R71H104KA93D", "1469860", ""];
    private static readonly string[] Descriptions = ["CAP CER 100NF 50V X7R 0603", "IC BUFFER NON-INVERT 5.5V SOT23-5", "RES 10K OHM 1% 1/10W 0603", "LED GREEN CLEAR 0603 SMD", "Connector header 2x5 pitch 1.27mm", ""];
    private static readonly string[] Values = ["100nF", "10k", "4u7", "SN74LVC1G07", "LED", "", "1uF 16V"];
    private static readonly string[] Notes = ["RoHS", "see datasheet", "", "hand solder", "alt ok if approved", "DNP on rev A"];

    private static readonly Gen<string> Mpn = Gen.String[Gen.Char["ABCDEFGHJKLMNPRSTUVWXYZ0123456789-"], 6, 16]
        .Where(s => s.Any(char.IsAsciiDigit) && s.Any(char.IsAsciiLetter) && char.IsAsciiLetterOrDigit(s[0]) && char.IsAsciiLetterOrDigit(s[^1]));

    private enum Column { Designator, Quantity, Value, Description, Maker, Mpn, Maker2, Mpn2, Distributor, Sku, Notes }

    private static readonly Dictionary<Column, string[]> Headers = new()
    {
        [Column.Designator] = ["Designator", "Reference", "RefDes", "Ref Des", "Parts", "Designators"],
        [Column.Quantity] = ["Qty", "Quantity", "QTY."],
        [Column.Value] = ["Value", "Comment", "Val"],
        [Column.Description] = ["Description", "Desc", "Part Description"],
        [Column.Maker] = ["Manufacturer", "Mfr", "MFG", "Manufacturer Name", "Mfr.", "Maker"],
        [Column.Mpn] = ["MPN", "Manufacturer Part Number", "Mfr PN", "Mfr. #", "MFG P/N", "Manufacturer_Part_Number"],
        [Column.Maker2] = ["Manufacturer 2", "Alt Manufacturer", "Mfr 2", "Second Source Manufacturer"],
        [Column.Mpn2] = ["MPN 2", "Alt MPN", "Mfr PN 2", "Second Source MPN"],
        [Column.Distributor] = ["Supplier", "Distributor", "Supplier 1", "Vendor"],
        [Column.Sku] = ["Supplier Part Number", "Digikey PN", "LCSC Part #", "Mouser PN", "Supplier PN", "Order Code"],
        [Column.Notes] = ["Notes", "Remarks", "Comments"],
    };

    private sealed record Row(int Lineage, int Quantity, string[] MakerCells, string Mpn, string Mpn2, string Distributor, string Sku, string Description, string Value, string Note, int MpnForm);

    private static readonly Gen<Row> RowGen = Gen.Select(
            Gen.Int[0, Lineages.Length - 1], Gen.Int[1, 4], Gen.Int[0, 99].Array[2], Mpn, Mpn, Gen.Int[0, 99].Array[5], Gen.Int[0, 5])
        .Select((lineage, quantity, makerChoices, mpn, mpn2, picks, mpnForm) => new Row(
            lineage,
            quantity,
            makerChoices.Select(choice => MakerCell(lineage, choice)).ToArray(),
            mpn,
            mpn2,
            Distributors[picks[0] % Distributors.Length],
            Skus[picks[1] % Skus.Length],
            Descriptions[picks[2] % Descriptions.Length],
            Values[picks[3] % Values.Length],
            Notes[picks[4] % Notes.Length],
            mpnForm));

    // The maker cell: mostly a spelling of the line's maker; sometimes something that is no maker, or nothing, or the maker
    // with the part number in one cell.
    private static string MakerCell(int lineage, int choice)
    {
        var spellings = Lineages[lineage];
        return choice switch
        {
            < 60 => spellings[choice % spellings.Length],
            < 85 => NotAMaker[choice % NotAMaker.Length],
            _ => "",
        };
    }

    private static readonly Gen<(Column[] Columns, int[] HeaderPicks, char Delimiter, Row[] Rows)> FileGen = Gen.Select(
        Gen.Shuffle(Enum.GetValues<Column>()).Select(all => all.Where(c => c is not (Column.Maker2 or Column.Mpn2)).Concat(all.Where(c => c is Column.Maker2 or Column.Mpn2)).ToArray()),
        Gen.Int[0, 99].Array[Enum.GetValues<Column>().Length],
        Gen.OneOf(',', ';', '\t'),
        RowGen.Array[3, 40])
        .Select((columns, picks, delimiter, rows) => (Drop(columns, picks), picks, delimiter, rows));

    // Not every file has every column: notes, distributor, stock number, value, the second source pair come and go.
    private static Column[] Drop(Column[] columns, int[] picks) =>
        columns.Where(c => c switch
        {
            Column.Notes => picks[0] % 2 == 0,
            Column.Distributor => picks[1] % 3 != 0,
            Column.Sku => picks[2] % 3 != 0,
            Column.Value => picks[3] % 4 != 0,
            Column.Maker2 or Column.Mpn2 => picks[4] % 2 == 0,
            Column.Quantity => picks[5] % 5 != 0,
            _ => true,
        }).ToArray();

    [Fact]
    public void A_bom_that_names_one_maker_per_line_is_never_dual_sourced()
    {
        FileGen.Sample(file =>
        {
            var text = Write(file.Columns, file.HeaderPicks, file.Delimiter, file.Rows);
            var read = Read(text);

            foreach (var line in read.Lines)
            {
                var keys = line.Sources.Where(s => s.ManufacturerKey is not null).Select(s => s.ManufacturerKey).Distinct().ToList();
                keys.Count.ShouldBeLessThanOrEqualTo(1, $"row {line.Row} counts {string.Join(", ", keys)} as makers:\n{text}");
                line.DistinctManufacturers.ShouldBeLessThanOrEqualTo(1);
            }

            var auditor = new BomAuditor(CriticalityPolicy.Default);
            foreach (var line in read.Lines)
            {
                auditor.Audit(line);
            }

            auditor.Summary.DualSourcedCriticalLines.ShouldBe(0, text);

            // And every row of the file is accounted for: header plus one line per written row.
            read.Rows.Total.ShouldBe(file.Rows.Length + 1);
            (read.Rows.Count(RowKind.Line) + read.Rows.Count(RowKind.Continuation) + read.Rows.Count(RowKind.Unread)).ShouldBe(file.Rows.Length, text);
        }, iter: 400);
    }

    private static string Write(Column[] columns, int[] headerPicks, char delimiter, Row[] rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(delimiter, columns.Select(c => Quote(Headers[c][headerPicks[(int)c] % Headers[c].Length], delimiter)))).Append("\r\n");
        var next = 1;
        foreach (var row in rows)
        {
            var designators = string.Join(",", Enumerable.Range(next, row.Quantity).Select(n => "U" + n));
            next += row.Quantity;
            var mpn = row.MpnForm switch
            {
                0 => row.Mpn + ", " + row.Mpn2, // two part numbers of the same maker in one cell
                1 => "",
                _ => row.Mpn,
            };
            var cells = columns.Select(c => c switch
            {
                Column.Designator => designators,
                Column.Quantity => row.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Column.Value => row.Value,
                Column.Description => row.Description,
                Column.Maker => row.MpnForm == 2 && row.MakerCells[0].Length > 0 ? row.MakerCells[0] + ", " + row.Mpn : row.MakerCells[0],
                Column.Mpn => mpn,
                Column.Maker2 => row.MakerCells[1],
                Column.Mpn2 => row.MakerCells[1].Length > 0 ? row.Mpn2 : "",
                Column.Distributor => row.Distributor,
                Column.Sku => row.Sku,
                Column.Notes => row.Note,
                _ => "",
            });
            csv.Append(string.Join(delimiter, cells.Select(c => Quote(c, delimiter)))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static (IReadOnlyList<BomLine> Lines, RowAccounting Rows) Read(string text)
    {
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(text));
        var document = BomReader.Open("one-maker.csv", stream, new BomReadOptions());
        var lines = document.ReadLines().ToList();
        return (lines, document.Rows);
    }

    private static string Quote(string cell, char delimiter) =>
        cell.Contains(delimiter, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
