using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BomReadingChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnChoices",
                table: "BomRevisions",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LayoutHash",
                table: "BomRevisions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisions_LayoutHash",
                table: "BomRevisions",
                column: "LayoutHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BomRevisions_LayoutHash",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "ColumnChoices",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "LayoutHash",
                table: "BomRevisions");
        }
    }
}
