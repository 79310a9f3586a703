using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stratum.Data.Sqlite.Migrations
{
    /// <summary>
    /// Audit entries are append-only in the database too: UPDATE and DELETE abort. Whoever can drop a trigger
    /// can still change a row; the hash chain is what reveals that (AuditTrail.VerifyAsync).
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_update";""");
        }
    }
}
