using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BatchTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalPassUnits",
                table: "TestBatches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstPassUnits",
                table: "TestBatches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RunsRecorded",
                table: "TestBatches",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "UnitsTested",
                table: "TestBatches",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every existing batch's tally from its units, as the import keeps it from now on (ADR 0019).
            migrationBuilder.Sql("""
                UPDATE "TestBatches" SET
                    "UnitsTested" = (SELECT COUNT(*) FROM "TestUnits" u WHERE u."BatchId" = "TestBatches"."Id" AND u."Runs" > 0),
                    "FirstPassUnits" = (SELECT COUNT(*) FROM "TestUnits" u WHERE u."BatchId" = "TestBatches"."Id" AND u."Runs" > 0 AND u."FirstResult" = 'Passed'),
                    "FinalPassUnits" = (SELECT COUNT(*) FROM "TestUnits" u WHERE u."BatchId" = "TestBatches"."Id" AND u."Runs" > 0 AND u."LastResult" = 'Passed'),
                    "RunsRecorded" = (SELECT COALESCE(SUM(u."Runs"), 0) FROM "TestUnits" u WHERE u."BatchId" = "TestBatches"."Id")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinalPassUnits",
                table: "TestBatches");

            migrationBuilder.DropColumn(
                name: "FirstPassUnits",
                table: "TestBatches");

            migrationBuilder.DropColumn(
                name: "RunsRecorded",
                table: "TestBatches");

            migrationBuilder.DropColumn(
                name: "UnitsTested",
                table: "TestBatches");
        }
    }
}
