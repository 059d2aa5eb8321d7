using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VaultAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ArtifactId",
                table: "AccessLog",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "AccessLog",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DownloadLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DownloadLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DownloadLinks_ArtifactRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ArtifactRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LineFixtures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PhysicalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineFixtures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LineFixtures_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LineFixtures_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ndas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentSize = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ndas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ndas_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevisionAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevisionAcknowledgements_ArtifactRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ArtifactRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RevisionAcknowledgements_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RevisionAcknowledgements_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VaultGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PinnedRevisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RevokeReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VaultGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VaultGrants_ArtifactRevisions_PinnedRevisionId",
                        column: x => x.PinnedRevisionId,
                        principalTable: "ArtifactRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VaultGrants_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VaultGrants_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VaultGrants_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VaultNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Message = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VaultNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VaultNotifications_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_Party_Sequence",
                table: "AccessLog",
                columns: new[] { "Party", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_DownloadLinks_RevisionId",
                table: "DownloadLinks",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DownloadLinks_TokenHash",
                table: "DownloadLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LineFixtures_LineId",
                table: "LineFixtures",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_LineFixtures_ProductId_LineId_Name",
                table: "LineFixtures",
                columns: new[] { "ProductId", "LineId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ndas_PartyId",
                table: "Ndas",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionAcknowledgements_ArtifactId",
                table: "RevisionAcknowledgements",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionAcknowledgements_LineId_ArtifactId_At",
                table: "RevisionAcknowledgements",
                columns: new[] { "LineId", "ArtifactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisionAcknowledgements_RevisionId",
                table: "RevisionAcknowledgements",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_VaultGrants_ArtifactId",
                table: "VaultGrants",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_VaultGrants_LineId",
                table: "VaultGrants",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_VaultGrants_PartyId_ArtifactId",
                table: "VaultGrants",
                columns: new[] { "PartyId", "ArtifactId" });

            migrationBuilder.CreateIndex(
                name: "IX_VaultGrants_PinnedRevisionId",
                table: "VaultGrants",
                column: "PinnedRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_VaultNotifications_LineId",
                table: "VaultNotifications",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_VaultNotifications_PartyId_CreatedAt",
                table: "VaultNotifications",
                columns: new[] { "PartyId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DownloadLinks");

            migrationBuilder.DropTable(
                name: "LineFixtures");

            migrationBuilder.DropTable(
                name: "Ndas");

            migrationBuilder.DropTable(
                name: "RevisionAcknowledgements");

            migrationBuilder.DropTable(
                name: "VaultGrants");

            migrationBuilder.DropTable(
                name: "VaultNotifications");

            migrationBuilder.DropIndex(
                name: "IX_AccessLog_Party_Sequence",
                table: "AccessLog");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "AccessLog");

            migrationBuilder.AlterColumn<Guid>(
                name: "ArtifactId",
                table: "AccessLog",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
