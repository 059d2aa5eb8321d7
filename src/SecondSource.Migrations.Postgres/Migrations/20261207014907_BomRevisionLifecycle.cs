using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BomRevisionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReleaseNote",
                table: "BomRevisions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReleasedAt",
                table: "BomRevisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedBy",
                table: "BomRevisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "BomRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            // Revisions stored before the lifecycle drove the program as soon as they were imported: they become released then, by their importer.
            migrationBuilder.Sql("UPDATE \"BomRevisions\" SET \"State\" = 2, \"ReleasedAt\" = \"ImportedAt\", \"ReleasedBy\" = \"ImportedBy\", \"ReleaseNote\" = 'Released on import (stored before revisions had a release step).'");

            migrationBuilder.CreateIndex(
                name: "IX_BomRevisions_ProductId_State",
                table: "BomRevisions",
                columns: new[] { "ProductId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BomRevisions_ProductId_State",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "ReleaseNote",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "ReleasedBy",
                table: "BomRevisions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "BomRevisions");
        }
    }
}
