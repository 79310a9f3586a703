using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Stratum.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdverseEventFollowUpNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdverseEventNotes",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AdverseEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdverseEventNotes", x => new { x.AdverseEventId, x.Number });
                    table.ForeignKey(
                        name: "FK_AdverseEventNotes_AdverseEvents_AdverseEventId",
                        column: x => x.AdverseEventId,
                        principalTable: "AdverseEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The single follow-up text of before becomes the event's first note, dated the day of the event.
            migrationBuilder.Sql("""
                INSERT INTO "AdverseEventNotes" ("AdverseEventId", "Number", "WrittenOn", "WrittenAt", "WrittenBy", "Text") SELECT "Id", 1, "OccurredOn", "ReportedAt", "ReportedBy", "FollowUp" FROM "AdverseEvents" WHERE "FollowUp" IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "AdverseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AdverseEvents_ClinicId_ResolvedOn_OccurredOn",
                table: "AdverseEvents",
                columns: new[] { "ClinicId", "ResolvedOn", "OccurredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdverseEventNotes");

            migrationBuilder.DropIndex(
                name: "IX_AdverseEvents_ClinicId_ResolvedOn_OccurredOn",
                table: "AdverseEvents");

            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "AdverseEvents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }
    }
}
