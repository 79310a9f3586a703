using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stratum.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicianId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Indication = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    ZoneCodes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClinicId_ClinicianId_Start",
                table: "Appointments",
                columns: new[] { "ClinicId", "ClinicianId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClinicId_PatientId_Start",
                table: "Appointments",
                columns: new[] { "ClinicId", "PatientId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ClinicId_Start",
                table: "Appointments",
                columns: new[] { "ClinicId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientId",
                table: "Appointments",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");
        }
    }
}
