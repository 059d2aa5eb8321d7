using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BomRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BomRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BomRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BomRevisions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BomRevisionLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Designators = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Dnp = table.Column<bool>(type: "boolean", nullable: false),
                    InternalPartNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Footprint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Generic = table.Column<bool>(type: "boolean", nullable: false),
                    CriticalInFile = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BomRevisionLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BomRevisionLines_BomRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "BomRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BomRevisionSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ManufacturerKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Mpn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BomRevisionSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BomRevisionSources_BomRevisionLines_LineId",
                        column: x => x.LineId,
                        principalTable: "BomRevisionLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisionLines_RevisionId_Position",
                table: "BomRevisionLines",
                columns: new[] { "RevisionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisions_ProductId_Sha256",
                table: "BomRevisions",
                columns: new[] { "ProductId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisionSources_LineId",
                table: "BomRevisionSources",
                column: "LineId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BomRevisionSources");

            migrationBuilder.DropTable(
                name: "BomRevisionLines");

            migrationBuilder.DropTable(
                name: "BomRevisions");
        }
    }
}
