using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PurchaseRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    QuotedLeadTimeDays = table.Column<int>(type: "integer", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchaseRecords_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PurchaseRecords_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarterlyReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FiscalYearStartMonth = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Attendees = table.Column<string>(type: "text", nullable: false),
                    Decisions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    HeldOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FrozenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterlyReviews_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuarterlyReviews_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCalendars",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYearStartMonth = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCalendars", x => x.ProgramId);
                    table.ForeignKey(
                        name: "FK_ReviewCalendars_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrimaryLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpenedIn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RootCauseCategory = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RootCause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RootCauseEvidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RootCauseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RootCauseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RootCauseBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_ManufacturingLines_PrimaryLineId",
                        column: x => x.PrimaryLineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_ManufacturingLines_SecondLineId",
                        column: x => x.SecondLineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewFindings_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewLineSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewLineSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewLineSections_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewLineSections_QuarterlyReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "QuarterlyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewVerdicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewVerdicts_ManufacturingLines_SecondLineId",
                        column: x => x.SecondLineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewVerdicts_QuarterlyReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "QuarterlyReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingActions_ReviewFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "ReviewFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingActions_FindingId",
                table: "FindingActions",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseRecords_LineId",
                table: "PurchaseRecords",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseRecords_PartyId",
                table: "PurchaseRecords",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseRecords_ProductId_LineId_Kind_Reference",
                table: "PurchaseRecords",
                columns: new[] { "ProductId", "LineId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReviews_ProductId",
                table: "QuarterlyReviews",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReviews_ProgramId_Quarter_Version",
                table: "QuarterlyReviews",
                columns: new[] { "ProgramId", "Quarter", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_PrimaryLineId",
                table: "ReviewFindings",
                column: "PrimaryLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_ProgramId_SecondLineId_Area",
                table: "ReviewFindings",
                columns: new[] { "ProgramId", "SecondLineId", "Area" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFindings_SecondLineId",
                table: "ReviewFindings",
                column: "SecondLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLineSections_LineId",
                table: "ReviewLineSections",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLineSections_PartyId",
                table: "ReviewLineSections",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewLineSections_ReviewId_LineId",
                table: "ReviewLineSections",
                columns: new[] { "ReviewId", "LineId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewVerdicts_ReviewId_SecondLineId_Area",
                table: "ReviewVerdicts",
                columns: new[] { "ReviewId", "SecondLineId", "Area" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewVerdicts_SecondLineId",
                table: "ReviewVerdicts",
                column: "SecondLineId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingActions");

            migrationBuilder.DropTable(
                name: "PurchaseRecords");

            migrationBuilder.DropTable(
                name: "ReviewCalendars");

            migrationBuilder.DropTable(
                name: "ReviewLineSections");

            migrationBuilder.DropTable(
                name: "ReviewVerdicts");

            migrationBuilder.DropTable(
                name: "ReviewFindings");

            migrationBuilder.DropTable(
                name: "QuarterlyReviews");
        }
    }
}
