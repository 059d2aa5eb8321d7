using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BomRevisionLineCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LineCount",
                table: "BomRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every existing revision's line count, as the import records it from now on.
            migrationBuilder.Sql("""
                UPDATE "BomRevisions" SET "LineCount" = (SELECT COUNT(*) FROM "BomRevisionLines" l WHERE l."RevisionId" = "BomRevisions"."Id")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LineCount",
                table: "BomRevisions");
        }
    }
}
