using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AvlLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PartId",
                table: "BomRevisionLines",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComponentManufacturers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComponentManufacturers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoverageSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CriticalLines = table.Column<int>(type: "integer", nullable: false),
                    DualSourcedLines = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverageSnapshots_BomRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "BomRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoverageSnapshots_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Parts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Package = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Critical = table.Column<bool>(type: "boolean", nullable: true),
                    CriticalityReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ManufacturerAliases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ManufacturerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManufacturerAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManufacturerAliases_ComponentManufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "ComponentManufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AvlChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Before = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    After = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvlChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvlChanges_Parts_PartId",
                        column: x => x.PartId,
                        principalTable: "Parts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AvlEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManufacturerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mpn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MpnKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Lifecycle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LeadTimeWeeks = table.Column<int>(type: "integer", nullable: true),
                    LeadTimeInternal = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvlEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvlEntries_ComponentManufacturers_ManufacturerId",
                        column: x => x.ManufacturerId,
                        principalTable: "ComponentManufacturers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AvlEntries_Parts_PartId",
                        column: x => x.PartId,
                        principalTable: "Parts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LineAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LineAcceptances_AvlEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AvlEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LineAcceptances_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualificationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Aspect = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualificationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualificationRecords_AvlEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AvlEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AcceptanceEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcceptanceEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcceptanceEvidence_LineAcceptances_AcceptanceId",
                        column: x => x.AcceptanceId,
                        principalTable: "LineAcceptances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualificationEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualificationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualificationEvidence_QualificationRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "QualificationRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisionLines_PartId",
                table: "BomRevisionLines",
                column: "PartId");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceEvidence_AcceptanceId",
                table: "AcceptanceEvidence",
                column: "AcceptanceId");

            migrationBuilder.CreateIndex(
                name: "IX_AcceptanceEvidence_PartyId",
                table: "AcceptanceEvidence",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AvlChanges_PartId_At",
                table: "AvlChanges",
                columns: new[] { "PartId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AvlChanges_PartyId",
                table: "AvlChanges",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AvlEntries_ManufacturerId",
                table: "AvlEntries",
                column: "ManufacturerId");

            migrationBuilder.CreateIndex(
                name: "IX_AvlEntries_PartId_ManufacturerId_MpnKey",
                table: "AvlEntries",
                columns: new[] { "PartId", "ManufacturerId", "MpnKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComponentManufacturers_Key",
                table: "ComponentManufacturers",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_PartyId",
                table: "CoverageSnapshots",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_ProductId_LineId_At",
                table: "CoverageSnapshots",
                columns: new[] { "ProductId", "LineId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CoverageSnapshots_RevisionId",
                table: "CoverageSnapshots",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LineAcceptances_EntryId_LineId",
                table: "LineAcceptances",
                columns: new[] { "EntryId", "LineId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LineAcceptances_LineId",
                table: "LineAcceptances",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_LineAcceptances_PartyId",
                table: "LineAcceptances",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_ManufacturerAliases_Key",
                table: "ManufacturerAliases",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManufacturerAliases_ManufacturerId",
                table: "ManufacturerAliases",
                column: "ManufacturerId");

            migrationBuilder.CreateIndex(
                name: "IX_Parts_Number",
                table: "Parts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualificationEvidence_RecordId",
                table: "QualificationEvidence",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_QualificationRecords_EntryId_Sequence",
                table: "QualificationRecords",
                columns: new[] { "EntryId", "Sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_BomRevisionLines_Parts_PartId",
                table: "BomRevisionLines",
                column: "PartId",
                principalTable: "Parts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BomRevisionLines_Parts_PartId",
                table: "BomRevisionLines");

            migrationBuilder.DropTable(
                name: "AcceptanceEvidence");

            migrationBuilder.DropTable(
                name: "AvlChanges");

            migrationBuilder.DropTable(
                name: "CoverageSnapshots");

            migrationBuilder.DropTable(
                name: "ManufacturerAliases");

            migrationBuilder.DropTable(
                name: "QualificationEvidence");

            migrationBuilder.DropTable(
                name: "LineAcceptances");

            migrationBuilder.DropTable(
                name: "QualificationRecords");

            migrationBuilder.DropTable(
                name: "AvlEntries");

            migrationBuilder.DropTable(
                name: "ComponentManufacturers");

            migrationBuilder.DropTable(
                name: "Parts");

            migrationBuilder.DropIndex(
                name: "IX_BomRevisionLines_PartId",
                table: "BomRevisionLines");

            migrationBuilder.DropColumn(
                name: "PartId",
                table: "BomRevisionLines");
        }
    }
}
