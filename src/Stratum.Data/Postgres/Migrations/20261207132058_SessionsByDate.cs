using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stratum.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SessionsByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ClinicId_Date",
                table: "Sessions",
                columns: new[] { "ClinicId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sessions_ClinicId_Date",
                table: "Sessions");
        }
    }
}
