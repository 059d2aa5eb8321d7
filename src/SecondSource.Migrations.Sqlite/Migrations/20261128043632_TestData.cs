using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TestData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LineId",
                table: "ApiKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeasurementSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TestBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestBatches_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TestBatches_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestDataImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Measurements = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestDataImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestDataImports_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BatchMeasurementStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Low = table.Column<double>(type: "REAL", nullable: true),
                    High = table.Column<double>(type: "REAL", nullable: true),
                    LimitsKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Mean = table.Column<double>(type: "REAL", nullable: false),
                    M2 = table.Column<double>(type: "REAL", nullable: false),
                    M3 = table.Column<double>(type: "REAL", nullable: false),
                    M4 = table.Column<double>(type: "REAL", nullable: false),
                    Min = table.Column<double>(type: "REAL", nullable: false),
                    Max = table.Column<double>(type: "REAL", nullable: false),
                    Passed = table.Column<long>(type: "INTEGER", nullable: false),
                    Failed = table.Column<long>(type: "INTEGER", nullable: false),
                    Sketch = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchMeasurementStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchMeasurementStatistics_TestBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "TestBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PanelPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstResult = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastResult = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestUnits_TestBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "TestBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Station = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TestPlan = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Values = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestRuns_MeasurementSets_SetId",
                        column: x => x.SetId,
                        principalTable: "MeasurementSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TestRuns_TestUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "TestUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TestDefects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Designator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TestDefects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TestDefects_TestRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TestRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BatchMeasurementStatistics_BatchId_Name_Unit_LimitsKey",
                table: "BatchMeasurementStatistics",
                columns: new[] { "BatchId", "Name", "Unit", "LimitsKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementSets_PartyId_Hash",
                table: "MeasurementSets",
                columns: new[] { "PartyId", "Hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestBatches_LineId_Name",
                table: "TestBatches",
                columns: new[] { "LineId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestBatches_ProductId_LineId_StartedAt",
                table: "TestBatches",
                columns: new[] { "ProductId", "LineId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TestDataImports_LineId",
                table: "TestDataImports",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_TestDataImports_PartyId_Sha256",
                table: "TestDataImports",
                columns: new[] { "PartyId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestDefects_BatchId_Category",
                table: "TestDefects",
                columns: new[] { "BatchId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_TestDefects_RunId",
                table: "TestDefects",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_TestDefects_UnitId",
                table: "TestDefects",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TestRuns_BatchId",
                table: "TestRuns",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_TestRuns_SetId",
                table: "TestRuns",
                column: "SetId");

            migrationBuilder.CreateIndex(
                name: "IX_TestRuns_UnitId_StartedAt_Station",
                table: "TestRuns",
                columns: new[] { "UnitId", "StartedAt", "Station" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestUnits_BatchId",
                table: "TestUnits",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_TestUnits_LineId_Serial",
                table: "TestUnits",
                columns: new[] { "LineId", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TestUnits_Serial",
                table: "TestUnits",
                column: "Serial");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BatchMeasurementStatistics");

            migrationBuilder.DropTable(
                name: "TestDataImports");

            migrationBuilder.DropTable(
                name: "TestDefects");

            migrationBuilder.DropTable(
                name: "TestRuns");

            migrationBuilder.DropTable(
                name: "MeasurementSets");

            migrationBuilder.DropTable(
                name: "TestUnits");

            migrationBuilder.DropTable(
                name: "TestBatches");

            migrationBuilder.DropColumn(
                name: "LineId",
                table: "ApiKeys");
        }
    }
}
