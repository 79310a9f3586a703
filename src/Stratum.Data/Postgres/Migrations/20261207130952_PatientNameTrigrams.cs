using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stratum.Data.Postgres.Migrations
{
    /// <summary>
    /// A word of a name is found anywhere in it (PatientDirectory.Search): a trigram index on the names part of the
    /// sort key, the very expression the search uses, lets PostgreSQL find the matches without reading every patient.
    /// pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
    /// </summary>
    public partial class PatientNameTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Patients_NameWords" ON "Patients" USING gin ((substring("SortKey", 1, length("SortKey") - 33)) gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Patients_NameWords";""");
        }
    }
}
