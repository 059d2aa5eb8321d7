using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LineProfileChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LineProfileChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineProfileChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LineProfileChanges_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LineProfileChanges_LineId",
                table: "LineProfileChanges",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_LineProfileChanges_PartyId_At",
                table: "LineProfileChanges",
                columns: new[] { "PartyId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LineProfileChanges");
        }
    }
}
