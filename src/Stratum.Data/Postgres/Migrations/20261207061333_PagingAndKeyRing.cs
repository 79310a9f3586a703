using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Stratum.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PagingAndKeyRing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ClinicId_LotNumber",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_FamilyName_GivenName",
                table: "Patients");

            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "Patients",
                type: "character varying(434)",
                maxLength: 434,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // Patients of earlier versions get their key (SQL lower-cases ASCII only; new and renamed patients get .NET's).
            migrationBuilder.Sql(@"UPDATE ""Patients"" SET ""SortKey"" = lower(""FamilyName"") || ' ' || lower(""GivenName"") || ' ' || replace(""Id""::text, '-', '');");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ClinicId_LotNumber_Date",
                table: "Sessions",
                columns: new[] { "ClinicId", "LotNumber", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_BirthDate",
                table: "Patients",
                columns: new[] { "ClinicId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_SortKey",
                table: "Patients",
                columns: new[] { "ClinicId", "SortKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdverseEvents_ClinicId_PatientId",
                table: "AdverseEvents",
                columns: new[] { "ClinicId", "PatientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_ClinicId_LotNumber_Date",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_BirthDate",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_SortKey",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_AdverseEvents_ClinicId_PatientId",
                table: "AdverseEvents");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "Patients");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ClinicId_LotNumber",
                table: "Sessions",
                columns: new[] { "ClinicId", "LotNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_FamilyName_GivenName",
                table: "Patients",
                columns: new[] { "ClinicId", "FamilyName", "GivenName" });
        }
    }
}
