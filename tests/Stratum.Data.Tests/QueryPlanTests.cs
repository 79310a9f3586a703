using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Vocabulary;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Lots;
using Stratum.Data.Messages;
using Stratum.Data.Patients;

namespace Stratum.Data.Tests;

/// <summary>
/// The plan of every clinic-scoped list, search, recall, signal and audit query reaches its rows through an index:
/// a staff request filters on "ClinicId = @clinic" alone, so no answer reads the other clinics' rows to find its own.
/// SQLite: no "SCAN" of a table in <c>EXPLAIN QUERY PLAN</c>. PostgreSQL: no "Seq Scan" in <c>EXPLAIN</c> with
/// sequential scans priced out, so a plan without one proves an index can serve the query.
/// </summary>
public sealed class QueryPlanTests
{
    private static readonly DateTimeOffset ClinicStart = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Providers))]
    public async Task Every_clinic_scoped_query_uses_an_index(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        var patient = await database.PatientAsync(a.Id, "Lindqvist");
        await database.PatientAsync(b.Id, "Okafor");
        await using var db = database.Context(ClinicScope.Of(a.Id));
        await using var sender = database.Context(ClinicScope.Admin);
        var day = Builders.Today;

        var queries = new Dictionary<string, IQueryable>
        {
            ["patient list, first page"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, null, "GB"), null).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient list, a later page"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, null, "GB"), patient.SortKey).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient search by name"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, "maja lind", "GB"), null).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient search by birth date"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, "1991-04-02", "GB"), null).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient search by phone"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, "07911 123456", "GB"), null).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient search by email"] = PatientDirectory.InOrder(PatientDirectory.Search(db.Patients, "maja@example.com", "GB"), null).Take(51).Select(p => new { p.Id, p.FamilyName, p.GivenName }),
            ["patient record"] = db.Patients.Where(p => p.Id == patient.Id),
            ["patient's screenings"] = db.Screenings.Where(s => s.PatientId == patient.Id).OrderByDescending(s => s.ScreenedAt),
            ["patient's sessions"] = db.Sessions.Where(s => s.PatientId == patient.Id).OrderBy(s => s.Date),
            ["patient's consents"] = db.Consents.Where(c => c.PatientId == patient.Id),
            ["patient's adverse events"] = db.AdverseEvents.Where(e => e.PatientId == patient.Id),
            ["patient's plans"] = db.TreatmentPlans.Where(p => p.PatientId == patient.Id),
            ["patient's outcomes"] = db.OutcomeAssessments.Where(o => o.PatientId == patient.Id),
            ["patient's photos"] = db.Photos.Where(p => p.PatientId == patient.Id),
            ["lots"] = db.Lots.OrderBy(l => l.Expiry),
            ["recall: sessions of a lot"] = LotRecall.SessionsByLot(db, a.Id, "LOT-1").Take(100),
            ["signals: adverse events of a period"] = AdverseEventLog.InPeriod(db, day.AddDays(-111), day),
            ["signals: the open adverse events"] = AdverseEventLog.Open(db).Take(200),
            ["calendar: a week of the book"] = AppointmentBook.Starting(db, ClinicStart, ClinicStart.AddDays(7), null),
            ["calendar: one clinician's week"] = AppointmentBook.Starting(db, ClinicStart, ClinicStart.AddDays(7), "clinician-1"),
            ["booking: is the clinician busy"] = AppointmentBook.Overlapping(db, Appointment.Book(a.Id, patient.Id, "clinician-1", ClinicStart, 30, null, [], "front-desk-1", ClinicStart, null)),
            ["booking: the patient's open appointments"] = AppointmentBook.OpenOf(db, patient.Id, Guid.NewGuid()),
            ["outbox: the clinic's messages, newest due first"] = db.Messages.OrderByDescending(m => m.DueAt).Take(50),
            ["outbox: a patient's messages"] = db.Messages.Where(m => m.PatientId == patient.Id).OrderByDescending(m => m.DueAt).Take(50),
            ["outbox: a booking's reminder"] = db.Messages.Where(m => m.AppointmentId == patient.Id && m.Kind == MessageKind.AppointmentReminder),
            ["outbox sender: due messages of every clinic"] = Outbox.Due(sender, ClinicStart).Take(50),
            ["audit trail, newest page"] = AuditTrail.Page(db, null, 100),
            ["audit trail, an older page"] = AuditTrail.Page(db, 5_000, 100),
        };

        var scans = new List<string>();
        foreach (var context in new[] { db, sender })
        {
            await context.Database.OpenConnectionAsync(TestDatabase.Cancel);
            if (provider == DatabaseProvider.Postgres)
            {
                await context.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", TestDatabase.Cancel);
            }
        }

        foreach (var (name, query) in queries)
        {
            var plan = await PlanAsync(query.CreateDbCommand(), provider);
            plan.ShouldNotBeEmpty(name);
            // A scan of a subquery SQLite runs as a co-routine reads the rows that subquery found, not a table.
            var subqueries = plan.Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || line.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(line => "SCAN " + line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToHashSet();
            scans.AddRange(plan.Where(line => provider == DatabaseProvider.Sqlite
                    ? line.StartsWith("SCAN", StringComparison.Ordinal) && !subqueries.Contains(line)
                    : line.Contains("Seq Scan", StringComparison.Ordinal))
                .Select(line => $"{name}: {line}"));
        }

        scans.ShouldBeEmpty();
    }

    private static async Task<List<string>> PlanAsync(DbCommand command, DatabaseProvider provider)
    {
        await using (command)
        {
            command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
            await using var reader = await command.ExecuteReaderAsync(TestDatabase.Cancel);
            var lines = new List<string>();
            while (await reader.ReadAsync(TestDatabase.Cancel))
            {
                // SQLite: id, parent, notused, detail; PostgreSQL: one text column.
                lines.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0).Trim());
            }

            return lines;
        }
    }
}
