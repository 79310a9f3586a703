using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;
using Stratum.Data;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Clinics;
using Stratum.Data.Consents;
using Stratum.Web.Consents;
using Stratum.Data.Identity;
using Stratum.Data.Lots;
using Stratum.Data.Patients;
using Stratum.Data.Screenings;
using Stratum.Data.Sessions;

namespace Stratum.Web.Hosting;

/// <summary>
/// <c>--demo</c>: one clinic with fictional patients, screenings, sessions, lots and an infection cluster on one lot,
/// so the pages have something to show. Runs once (skipped when the demo clinic exists).
/// </summary>
internal static class DemoData
{
    public const string ClinicName = "Stratum Demo Clinic";

    private static readonly (string Family, string Given, int Year, int Phototype)[] People =
    [
        ("Lindqvist", "Maja", 1991, 2), ("Okafor", "Chidi", 1985, 5), ("Moreau", "Camille", 1978, 3), ("Tanaka", "Yui", 1996, 3),
        ("Novak", "Petra", 1969, 2), ("Haddad", "Omar", 1988, 4), ("Silva", "Beatriz", 2001, 4), ("Walsh", "Niamh", 1974, 1),
    ];

    /// <summary>The demo's SQLite file in the data directory, beside (never in) the clinic's <c>stratum.db</c>.</summary>
    public const string DatabaseFile = "stratum-demo.db";

    /// <summary>Where demo accounts sign in; a normal run keeps every account of this domain locked.</summary>
    public const string AccountDomain = "@demo.stratum.test";

    /// <summary>
    /// Points a <c>--demo</c> run at a database of its own, so that fictional patients and accounts with a known
    /// password never enter a clinic's database: <c>ConnectionStrings:StratumDemo</c> when set, else (SQLite)
    /// <see cref="DatabaseFile"/>. PostgreSQL without a demo connection string refuses to start.
    /// </summary>
    public static void UseOwnDatabase(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("StratumDemo") is { Length: > 0 } demo)
        {
            configuration[$"ConnectionStrings:{StratumDatabase.ConnectionStringName}"] = demo;
        }
        else if (StratumDatabase.ProviderFrom(configuration["Stratum:Database"]) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("--demo on PostgreSQL needs ConnectionStrings__StratumDemo: the demo never fills the clinic's own database.");
        }
        else
        {
            configuration[$"ConnectionStrings:{StratumDatabase.ConnectionStringName}"] = null;
            configuration["Stratum:DatabaseFile"] = DatabaseFile;
        }
    }

    /// <summary>
    /// In a run without <c>--demo</c>, demo accounts (made by an older version in the clinic's database) are locked
    /// out for good: their password is known to anyone who ran the demo. A demo run unlocks them.
    /// </summary>
    public static async Task LockAccountsAsync(UserManager<StaffUser> users, bool demo, ILogger logger, CancellationToken ct)
    {
        var accounts = await users.Users.Where(u => u.Email != null && u.Email.EndsWith(AccountDomain)).ToListAsync(ct);
        foreach (var account in accounts)
        {
            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, demo ? null : DateTimeOffset.MaxValue);
        }

        if (!demo && accounts.Count > 0)
        {
            logger.LogWarning("Locked {Count} demo accounts found in this database; run with --demo for the demo, which has a database of its own.", accounts.Count);
        }
    }

    public static async Task FillAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var db = services.GetRequiredService<StratumDbContext>();
        if (await db.Scoped<Clinic>().AnyAsync(c => c.Name == ClinicName, ct))
        {
            return;
        }

        var knowledge = services.GetRequiredService<KnowledgeBase>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var clinic = Clinic.Create(ClinicName);
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);

        var password = configuration["Stratum:Demo:Password"] is { Length: > 0 } configured ? configured : DatabaseStartup.RandomPassword();
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var staff = new Dictionary<string, StaffUser>();
        foreach (var role in new[] { Roles.ClinicAdmin, Roles.Clinician, Roles.FrontDesk })
        {
            var user = new StaffUser { UserName = role + AccountDomain, Email = role + AccountDomain, EmailConfirmed = true, ClinicId = clinic.Id };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo user: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            staff[role] = user;
        }

        var clinician = staff[Roles.Clinician].Id;
        var lots = new[]
        {
            Lot.Register(clinic.Id, "DEMO-LOT-7", "36-needle cartridge", today.AddMonths(8)),
            Lot.Register(clinic.Id, "DEMO-LOT-9", "36-needle cartridge", today.AddMonths(14)),
            Lot.Register(clinic.Id, "DEMO-LOT-3", "12-needle cartridge", today.AddDays(20)),
        };
        db.Lots.AddRange(lots);

        var screener = new Screener(knowledge);
        var form = ConsentForms.Default(knowledge.Records.ConsentForm);
        for (var i = 0; i < People.Length; i++)
        {
            var (family, given, year, phototype) = People[i];
            var patient = Patient.Create(clinic.Id, family, given, new DateOnly(year, 1 + (i * 3 % 12), 1 + (i * 7 % 27)), phototype);
            if (i == 2)
            {
                patient.RecordCondition(Condition.HerpesLabialis, ConditionStatus.History, today.AddYears(-3));
            }

            if (i == 5)
            {
                patient.RecordMedication(Medication.Isotretinoin, today.AddMonths(-16), today.AddMonths(-10));
            }

            db.Patients.Add(patient);
            // The stored screening read the history on record, as a clinician's screening does.
            var intake = new Intake(Setting.Clinic, today.AddDays(-100), today.Year - year, phototype, Indication.AcneScars, [Zone.Cheeks, Zone.Forehead],
                [.. patient.Conditions.Select(c => new ConditionEntry(c.Code, c.Status))],
                [.. patient.Medications.Select(m => new MedicationEntry(m.Code, m.LastDose))],
                [.. patient.Allergies.Select(a => a.Code)]);
            var result = screener.Screen(intake);
            db.Screenings.Add(Screening.Record(clinic.Id, patient.Id, JsonSerializer.Serialize(intake, StratumJson.Default.Intake),
                JsonSerializer.Serialize(result, StratumJson.Default.ScreeningResult), result.Verdict, result.NotBefore, result.KnowledgeVersion, clinician, now.AddDays(-100)));
            var consent = Consent.Sign(clinic.Id, patient.Id, form.Version, now.AddDays(-100), $"{given} {family}", staff[Roles.FrontDesk].Id, photoConsent: true, SignatureKind.Typed);
            db.Consents.Add(consent);
            db.ConsentDocuments.Add(ConsentDocument.Of(consent, ConsentPdf.Render(new SignedConsent(consent.Id, ClinicName, $"{given} {family}", patient.BirthDate, form,
                consent.SignedBy, TimeZoneInfo.ConvertTime(consent.SignedAt, time.LocalTimeZone), consent.PhotoConsent, staff[Roles.FrontDesk].Email!, null))));
            for (var s = 0; s < 3; s++)
            {
                var date = today.AddDays(-95 + (s * 42) + i);
                var lot = lots[(i + s) % 2];
                var session = Session.Record(clinic.Id, patient.Id, null, date, clinician, new DeviceUsed("SkinPen", "Precision", "14-needle, 0.25–2.5 mm"), lot.LotNumber, lot.Expiry, consent.Id,
                    [new TreatedZone(Zone.Cheeks, 1.5m + (0.25m * s), 3), new TreatedZone(Zone.Forehead, 0.5m, 2)]);
                db.Sessions.Add(session);

                // The cluster: two infections within a week on DEMO-LOT-7 after the last round of sessions.
                if (s == 2 && lot.LotNumber == "DEMO-LOT-7" && i is 0 or 2)
                {
                    db.AdverseEvents.Add(AdverseEvent.Report(clinic.Id, patient.Id, session.Id, date.AddDays(3), now.AddDays(-1), staff[Roles.FrontDesk].Id,
                        Urgency.UrgentCare, [new ReportedSymptom(Symptom.Pus, Trend.Worsening, Severity.Moderate), new ReportedSymptom(Symptom.SpreadingRedness, Trend.Worsening, null)]));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo clinic created: sign in as {Users} with the password {Password}.",
            string.Join(", ", staff.Values.Select(u => u.Email)), configuration["Stratum:Demo:Password"] is { Length: > 0 } ? "from Stratum:Demo:Password" : password);
    }
}
