using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondSource.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Provisioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustodyKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Backend = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CaCertificate = table.Column<byte[]>(type: "bytea", nullable: true),
                    CrlNumber = table.Column<long>(type: "bigint", nullable: false),
                    Crl = table.Column<byte[]>(type: "bytea", nullable: true),
                    CrlPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SerialBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    First = table.Column<long>(type: "bigint", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Issued = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SerialBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SerialBlocks_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SerialBlocks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SerialBlocks_TestBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "TestBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeviceCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Serial = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirmwareVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CertificateSerial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IssuerKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Der = table.Column<byte[]>(type: "bytea", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceCertificates_CustodyKeys_IssuerKeyId",
                        column: x => x.IssuerKeyId,
                        principalTable: "CustodyKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeviceCertificates_ManufacturingLines_LineId",
                        column: x => x.LineId,
                        principalTable: "ManufacturingLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeviceCertificates_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeviceCertificates_TestBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "TestBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FirmwareReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: false),
                    RevisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ImageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SigningKeyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirmwareReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FirmwareReleases_ArtifactRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "ArtifactRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FirmwareReleases_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FirmwareReleases_CustodyKeys_SigningKeyId",
                        column: x => x.SigningKeyId,
                        principalTable: "CustodyKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FirmwareReleases_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProvisioningProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectPattern = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AllowEcP256 = table.Column<bool>(type: "boolean", nullable: false),
                    AllowEcP384 = table.Column<bool>(type: "boolean", nullable: false),
                    MinRsaBits = table.Column<int>(type: "integer", nullable: false),
                    ValidityDays = table.Column<int>(type: "integer", nullable: false),
                    ClientAuth = table.Column<bool>(type: "boolean", nullable: false),
                    ServerAuth = table.Column<bool>(type: "boolean", nullable: false),
                    IssuingCaKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisioningProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisioningProfiles_CustodyKeys_IssuingCaKeyId",
                        column: x => x.IssuingCaKeyId,
                        principalTable: "CustodyKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProvisioningProfiles_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyKeys_Fingerprint",
                table: "CustodyKeys",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustodyKeys_Name",
                table: "CustodyKeys",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceCertificates_BatchId_IssuedAt",
                table: "DeviceCertificates",
                columns: new[] { "BatchId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceCertificates_CertificateSerial",
                table: "DeviceCertificates",
                column: "CertificateSerial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeviceCertificates_IssuerKeyId",
                table: "DeviceCertificates",
                column: "IssuerKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceCertificates_LineId_IssuedAt",
                table: "DeviceCertificates",
                columns: new[] { "LineId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceCertificates_ProductId_Serial",
                table: "DeviceCertificates",
                columns: new[] { "ProductId", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FirmwareReleases_ArtifactId",
                table: "FirmwareReleases",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_FirmwareReleases_ProductId_Version",
                table: "FirmwareReleases",
                columns: new[] { "ProductId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FirmwareReleases_RevisionId",
                table: "FirmwareReleases",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_FirmwareReleases_SigningKeyId",
                table: "FirmwareReleases",
                column: "SigningKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningProfiles_IssuingCaKeyId",
                table: "ProvisioningProfiles",
                column: "IssuingCaKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningProfiles_ProductId",
                table: "ProvisioningProfiles",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SerialBlocks_BatchId",
                table: "SerialBlocks",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SerialBlocks_LineId",
                table: "SerialBlocks",
                column: "LineId");

            migrationBuilder.CreateIndex(
                name: "IX_SerialBlocks_ProductId_Prefix",
                table: "SerialBlocks",
                columns: new[] { "ProductId", "Prefix" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceCertificates");

            migrationBuilder.DropTable(
                name: "FirmwareReleases");

            migrationBuilder.DropTable(
                name: "ProvisioningProfiles");

            migrationBuilder.DropTable(
                name: "SerialBlocks");

            migrationBuilder.DropTable(
                name: "CustodyKeys");
        }
    }
}
