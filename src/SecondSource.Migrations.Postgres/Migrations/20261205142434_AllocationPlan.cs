using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AllocationPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ComponentKits",
                table: "ShiftPlans",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ComponentLeadWeeks",
                table: "ShiftPlans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AllocationPolicy",
                table: "Programs",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RampLimitWeekly",
                table: "ProgramLines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StandingWeeklyCapacity",
                table: "ProgramLines",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ForecastPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForecastPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForecastPeriods_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OperatorTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Operator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Skill = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TrainedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OperatorTrainings_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OperatorTrainings_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannedWeeks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Monday = table.Column<DateOnly>(type: "date", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedWeeks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedWeeks_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedWeeks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForecastPeriods_ProductId_Start",
                table: "ForecastPeriods",
                columns: new[] { "ProductId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorTrainings_LineId",
                table: "OperatorTrainings",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_OperatorTrainings_PartyId",
                table: "OperatorTrainings",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_OperatorTrainings_ProductId_LineId_TrainedOn",
                table: "OperatorTrainings",
                columns: new[] { "ProductId", "LineId", "TrainedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlannedWeeks_LineId",
                table: "PlannedWeeks",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedWeeks_PartyId",
                table: "PlannedWeeks",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedWeeks_ProductId_LineId_Monday",
                table: "PlannedWeeks",
                columns: new[] { "ProductId", "LineId", "Monday" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForecastPeriods");

            migrationBuilder.DropTable(
                name: "OperatorTrainings");

            migrationBuilder.DropTable(
                name: "PlannedWeeks");

            migrationBuilder.DropColumn(
                name: "ComponentKits",
                table: "ShiftPlans");

            migrationBuilder.DropColumn(
                name: "ComponentLeadWeeks",
                table: "ShiftPlans");

            migrationBuilder.DropColumn(
                name: "AllocationPolicy",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "RampLimitWeekly",
                table: "ProgramLines");

            migrationBuilder.DropColumn(
                name: "StandingWeeklyCapacity",
                table: "ProgramLines");
        }
    }
}
