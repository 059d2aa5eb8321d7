using SecondSource.Formats.Boms;

namespace SecondSource.Formats.Tests.Boms;

/// <summary>
/// The reader's work budget on every format (security round 2, finding 1): rows per file and characters per cell, each
/// refusal naming the row, the column and how to raise the limit.
/// </summary>
public sealed class WorkBudgetTests
{
    private static string Csv(int rows, Func<int, string>? description = null) =>
        "Designator,Manufacturer,MPN,Description\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"R{i},Yageo,RC0402FR-07{i}L,{description?.Invoke(i) ?? "10k 1%"}\n"));

    [Fact]
    public void A_file_with_more_rows_than_the_limit_is_refused_at_the_first_row_past_it()
    {
        var text = Csv(1_000);
        // The header and 1,000 resistors are 1,001 rows that hold something: a limit of 1,000 stops at row 1,001.
        Should.Throw<BomFileException>(() => BomFiles.Text(text, "long.csv", new BomReadOptions { MaxRows = 1_000 }))
            .Message.ShouldBe("long.csv, row 1001: the file has more than 1,000 rows that hold something; a board's BOM has hundreds to a few thousand, so it is refused (raise the limit with a higher max-rows).");
        BomFiles.Text(text, "long.csv", new BomReadOptions { MaxRows = 1_001 }).Lines.Count.ShouldBe(1_000);
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_refused_naming_its_row_and_column()
    {
        var text = Csv(3, i => i == 2 ? new string('x', 10_001) : "10k 1%");
        Should.Throw<BomFileException>(() => BomFiles.Text(text, "wide.csv", new BomReadOptions { LimitHint = "--limit {0}=N" }))
            .Message.ShouldBe("wide.csv, row 3, column 'Description': a cell of 10,001 characters; more than 10,000 is refused (raise the limit with --limit max-cell-chars=N).");
        BomFiles.Text(text, "wide.csv", new BomReadOptions().WithLimit("max-cell-chars", "20000")).Lines.Count.ShouldBe(3);
    }

    private static string Ipc2581(int items, string description = "10k 1%") =>
        "<?xml version=\"1.0\"?>\n<IPC-2581 revision=\"C\" xmlns=\"http://webstds.ipc.org/2581\">\n<Bom name=\"b\">\n"
        + string.Concat(Enumerable.Range(1, items).Select(i => $"<BomItem OEMDesignNumberRef=\"P{i}\" quantity=\"1\" description=\"{(i == items ? description : "10k 1%")}\"><RefDes name=\"R{i}\" populate=\"true\"/></BomItem>\n"))
        + "</Bom>\n</IPC-2581>\n";

    [Fact]
    public void An_ipc2581_file_is_held_to_the_same_budget_its_items_and_attributes_named_by_line()
    {
        // Before: the IPC-2581 reader kept every BomItem, RefDes and AVL entry of a file up to 2 G characters.
        var text = Ipc2581(1_001);
        Should.Throw<BomFileException>(() => BomFiles.Text(text, "many.xml", new BomReadOptions { MaxRows = 1_000 }))
            .Message.ShouldBe("many.xml, row 1004: more than 1,000 BOM items (BomItem); a board's BOM has hundreds to a few thousand, so it is refused (raise the limit with a higher max-rows).");
        BomFiles.Text(text, "many.xml", new BomReadOptions { MaxRows = 1_001 }).Lines.Count.ShouldBe(1_001);

        Should.Throw<BomFileException>(() => BomFiles.Text(Ipc2581(3, new string('x', 10_001)), "wide.xml", new BomReadOptions { LimitHint = "--limit {0}=N" }))
            .Message.ShouldBe("wide.xml, row 6, column 'BomItem@description': an attribute of 10,001 characters; more than 10,000 is refused (raise the limit with --limit max-cell-chars=N).");
    }

    [Theory]
    [InlineData("max-rows", "0", "the limit max-rows takes a positive whole number, not '0'.")]
    [InlineData("max-rows", "lots", "the limit max-rows takes a positive whole number, not 'lots'.")]
    [InlineData("max-rows", "3000000000", "the limit max-rows is at most 2,147,483,647.")]
    [InlineData("max-lines", "5", "there is no limit 'max-lines'; the limits are max-rows, max-cell-chars, max-expanded-bytes, max-expansion-ratio.")]
    public void A_limit_that_is_not_one_or_not_a_number_is_refused(string name, string value, string message) =>
        Should.Throw<ArgumentException>(() => new BomReadOptions().WithLimit(name, value)).Message.ShouldBe(message);
}
