using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Stratum.Data;
using Stratum.Web.Hosting;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>The clinic server against a real database (issue 5): records, session rules, recall, isolation, concurrency, audit.</summary>
public sealed class ClinicServerTests
{
    private const string Screening = """
        { "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks", "forehead"] }
        """;

    private static string SessionJson(string date = "2026-11-25", decimal depth = 1.5m, string lot = "LOT-A", string lotExpiry = "2027-06-30", string? overrideReason = null) => $$"""
        { "date": "{{date}}", "indication": "acne-scars",
          "zones": [{ "zone": "cheeks", "depthMm": {{depth.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "passes": 3 }],
          "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" },
          "lot": { "number": "{{lot}}", "expiry": "{{lotExpiry}}" }
          {{(overrideReason is null ? "" : $", \"overrideReason\": \"{overrideReason}\"")}} }
        """;

    private static async Task<Guid> PatientAsync(Clinic clinic, string family = "Lindqvist")
    {
        var response = await clinic.FrontDesk.PostJsonAsync("/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "Maja", "birthDate": "1991-04-02", "phototype": 3 }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>A patient who can be treated today: screened (proceed) and consented.</summary>
    private static async Task<Guid> ReadyPatientAsync(Clinic clinic, string family = "Lindqvist")
    {
        var patient = await PatientAsync(clinic, family);
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Maja Lindqvist", "photoConsent": true }""")).StatusCode.ShouldBe(HttpStatusCode.Created);
        return patient;
    }

    private static async Task<JsonNode> LotAsync(Clinic clinic, string number, string expiry = "2027-06-30")
    {
        var response = await clinic.Clinician.PostJsonAsync("/api/lots", $$"""{ "lotNumber": "{{number}}", "product": "36-needle cartridge", "expiry": "{{expiry}}" }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return await response.JsonAsync();
    }

    private static async Task<JsonNode> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return await response.JsonAsync();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_screened_consented_patient_gets_a_session_and_the_lot_recall_finds_them(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await ReadyPatientAsync(clinic);
        (await LotAsync(clinic, "LOT-A"))["warning"].ShouldBeNull();

        var recorded = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson());
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(ClinicServer.Cancel));

        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["sessions"]!.AsArray().ShouldHaveSingleItem()!["lotNumber"]!.GetValue<string>().ShouldBe("LOT-A");
        record["screenings"]![0]!["verdict"]!.GetValue<string>().ShouldBe("proceed");

        var lotSessions = await (await clinic.ClinicAdmin.GetAsync("/api/lots/LOT-A/sessions", ClinicServer.Cancel)).JsonAsync();
        lotSessions["total"]!.GetValue<int>().ShouldBe(1);
        lotSessions["items"]!.AsArray().ShouldHaveSingleItem()!["patientId"]!.GetValue<Guid>().ShouldBe(patient);

        var recall = await clinic.ClinicAdmin.PostJsonAsync("/api/lots/LOT-A/recall", """{ "reason": "sterility breach reported by the maker" }""");
        recall.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await recall.JsonAsync())["contact"]!["items"]!.AsArray().ShouldHaveSingleItem()!["familyName"]!.GetValue<string>().ShouldBe("Lindqvist");

        var other = await ReadyPatientAsync(clinic, "Okafor");
        var refused = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{other}/sessions", SessionJson(overrideReason: "the patient insists")));
        refused["rule"]!.GetValue<string>().ShouldBe("SE-LOT-RECALLED");
        refused["overridable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_session_without_a_screening_is_refused_and_an_override_with_a_reason_is_recorded_and_audited(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Maja Lindqvist", "photoConsent": true }""")).EnsureSuccessStatusCode();
        await LotAsync(clinic, "LOT-A");

        var refused = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson()));
        refused["rule"]!.GetValue<string>().ShouldBe("SE-NO-SCREENING");
        refused["overridable"]!.GetValue<bool>().ShouldBeTrue();

        var overridden = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson(overrideReason: "screened on paper today, form scanned"));
        overridden.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await overridden.JsonAsync())["overridden"]![0]!["rule"]!.GetValue<string>().ShouldBe("SE-NO-SCREENING");

        var record = await (await clinic.Clinician.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["sessions"]![0]!["overrideReason"]!.GetValue<string>().ShouldBe("screened on paper today, form scanned");
        var trail = await (await clinic.ClinicAdmin.GetAsync("/api/audit?take=500", ClinicServer.Cancel)).JsonAsync();
        trail.AsArray().Select(e => e!["entity"]!.GetValue<string>()).ShouldContain("session-override:SE-NO-SCREENING");
        trail.AsArray().ShouldContain(e => e!["entity"]!.GetValue<string>() == "session" && e["outcome"]!.GetValue<string>() == "denied");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Each_session_rule_refuses_with_its_code_and_the_earliest_date_when_there_is_one(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        await LotAsync(clinic, "LOT-A");

        var patient = await ReadyPatientAsync(clinic);
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson(date: "2026-11-25"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var interval = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson(date: "2026-12-22")));
        interval["rule"]!.GetValue<string>().ShouldBe("SE-INTERVAL");
        interval["notBefore"]!.GetValue<string>().ShouldBe("2026-12-23");

        var deep = await ReadyPatientAsync(clinic, "Moreau");
        (await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{deep}/sessions", SessionJson(depth: 2.6m))))["rule"]!.GetValue<string>().ShouldBe("SE-ENVELOPE");

        var expired = await ReadyPatientAsync(clinic, "Tanaka");
        (await LotAsync(clinic, "OLD-1", "2026-10-31"))["warning"]!.GetValue<string>().ShouldContain("expired on 2026-10-31");
        (await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{expired}/sessions", SessionJson(lot: "OLD-1", lotExpiry: "2026-10-31", overrideReason: "no other cartridge"))))
            ["rule"]!.GetValue<string>().ShouldBe("SE-LOT-EXPIRED");

        var unregistered = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{expired}/sessions", SessionJson(lot: "NEVER-1", overrideReason: "the pack was in the drawer")));
        unregistered["rule"]!.GetValue<string>().ShouldBe("SE-LOT-UNKNOWN");
        unregistered["overridable"]!.GetValue<bool>().ShouldBeFalse();
        (await (await clinic.ClinicAdmin.GetAsync("/api/lots/NEVER-1/sessions", ClinicServer.Cancel)).JsonAsync())["items"]!.AsArray().ShouldBeEmpty();

        var unconsented = await PatientAsync(clinic, "Novak");
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{unconsented}/screenings", Screening)).EnsureSuccessStatusCode();
        var noConsent = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{unconsented}/sessions", SessionJson(overrideReason: "consent is on paper")));
        noConsent["rule"]!.GetValue<string>().ShouldBe("SE-NO-CONSENT");
        noConsent["overridable"]!.GetValue<bool>().ShouldBeFalse();

        var deferred = await PatientAsync(clinic, "Haddad");
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{deferred}/consents", """{ "formVersion": "stratum-1", "signedBy": "Omar Haddad", "photoConsent": true }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{deferred}/screenings",
            """{ "setting": "clinic", "age": 37, "indication": "acne-scars", "zones": ["cheeks"], "medications": [{ "code": "isotretinoin", "lastDose": "2026-10-01" }] }""")).EnsureSuccessStatusCode();
        var verdict = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{deferred}/sessions", SessionJson()));
        verdict["rule"]!.GetValue<string>().ShouldBe("SE-SCREENING-VERDICT");
        verdict["notBefore"]!.GetValue<string>().ShouldBe("2027-04-01");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Another_clinics_patient_answers_404_and_never_its_data(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var south = await server.CreateClinicAsync("South");
        var patient = await PatientAsync(north);

        foreach (var client in new[] { south.ClinicAdmin, south.Clinician, south.FrontDesk })
        {
            var response = await client.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync(ClinicServer.Cancel)).ShouldNotContain("Lindqvist");
        }

        (await south.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await south.FrontDesk.GetAsync("/api/patients", ClinicServer.Cancel)).JsonAsync())["items"]!.AsArray().ShouldBeEmpty();
        (await north.Admin.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Of_two_updates_made_from_the_same_version_the_second_is_refused_409(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var version = (await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync())["version"]!.GetValue<string>();

        var first = await clinic.FrontDesk.PutAsJsonAsync($"/api/patients/{patient}", new { version, familyName = "Lindqvist-Berg" }, ClinicServer.Cancel);
        var second = await clinic.Clinician.PutAsJsonAsync($"/api/patients/{patient}", new { version, phototype = 4 }, ClinicServer.Cancel);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["familyName"]!.GetValue<string>().ShouldBe("Lindqvist-Berg");
        record["phototype"]!.GetValue<int>().ShouldBe(3);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_audit_chain_verifies_and_a_row_changed_in_the_database_is_reported(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await ReadyPatientAsync(clinic);
        await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel);

        var verified = await (await clinic.ClinicAdmin.GetAsync("/api/audit/verify", ClinicServer.Cancel)).JsonAsync();
        verified["ok"]!.GetValue<bool>().ShouldBeTrue();
        verified["entries"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(4);

        await server.ExecuteAsync(provider == DatabaseProvider.Sqlite
            ? """DROP TRIGGER IF EXISTS "AuditEntries_no_update"; UPDATE "AuditEntries" SET "Outcome" = 'denied' WHERE "Sequence" = 2;"""
            : """ALTER TABLE "AuditEntries" DISABLE TRIGGER USER; UPDATE "AuditEntries" SET "Outcome" = 'denied' WHERE "Sequence" = 2; ALTER TABLE "AuditEntries" ENABLE TRIGGER USER;""");

        var broken = await (await clinic.ClinicAdmin.GetAsync("/api/audit/verify", ClinicServer.Cancel)).JsonAsync();
        broken["ok"]!.GetValue<bool>().ShouldBeFalse();
        broken["brokenAt"]!.GetValue<long>().ShouldBe(2);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Five_wrong_passwords_lock_the_account(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/auth/login", new { email = ClinicServer.AdminEmail, password = "wrong-Password-1" }, ClinicServer.Cancel))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = ClinicServer.AdminEmail, password = ClinicServer.AdminPassword }, ClinicServer.Cancel);
        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.JsonAsync())["title"]!.GetValue<string>().ShouldContain("locked");
    }

    [Fact]
    public async Task Without_bootstrap_settings_an_empty_database_has_no_account_to_sign_in_with()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite, bootstrap: false);
        var response = await server.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = ClinicServer.AdminEmail, password = ClinicServer.AdminPassword }, ClinicServer.Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Two_infections_on_one_lot_within_21_days_show_as_a_safety_signal(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        await LotAsync(clinic, "LOT-BAD");
        foreach (var family in new[] { "Lindqvist", "Okafor" })
        {
            var patient = await ReadyPatientAsync(clinic, family);
            var session = (await (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", SessionJson(lot: "LOT-BAD"))).JsonAsync())["id"]!.GetValue<Guid>();
            var report = await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/adverse-events",
                $$"""{ "sessionId": "{{session}}", "setting": "clinic", "hoursSinceTreatment": 60, "symptoms": [{ "code": "pus" }] }""");
            report.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await report.JsonAsync())["triage"]!["urgency"]!.GetValue<string>().ShouldBe("urgent-care");
        }

        var signals = await (await clinic.ClinicAdmin.GetAsync("/api/signals", ClinicServer.Cancel)).JsonAsync();
        signals.AsArray().ShouldContain(s => s!["sharedBy"]!.GetValue<string>() == "lot" && s["value"]!.GetValue<string>() == "LOT-BAD" && s["kind"]!.GetValue<string>() == "infection");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_screening_writes_what_it_was_told_into_the_history_and_the_record_shows_what_each_screening_read(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", """
            { "setting": "clinic", "age": 34, "indication": "acne-scars", "zones": ["cheeks"],
              "conditions": [{ "code": "herpes-labialis", "status": "history" }],
              "medications": [{ "code": "isotretinoin", "lastDose": "2026-01-15" }], "allergies": ["topical-anesthetic"] }
            """)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", """
            { "setting": "clinic", "age": 34, "conditions": [{ "code": "herpes-labialis", "status": "active" }] }
            """)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var record = await (await clinic.Clinician.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        var condition = record["conditions"]!.AsArray().ShouldHaveSingleItem()!;
        condition["code"]!.GetValue<string>().ShouldBe("herpes-labialis");
        condition["status"]!.GetValue<string>().ShouldBe("active");
        var medication = record["medications"]!.AsArray().ShouldHaveSingleItem()!;
        medication["code"]!.GetValue<string>().ShouldBe("isotretinoin");
        medication["lastDose"]!.GetValue<string>().ShouldBe("2026-01-15");
        record["allergies"]!.AsArray().ShouldHaveSingleItem()!["code"]!.GetValue<string>().ShouldBe("topical-anesthetic");
        var read = record["screenings"]!.AsArray().Select(s => s!["intake"]!["conditions"]![0]!["status"]!.GetValue<string>()).ToList();
        read.ShouldBe(["history", "active"], ignoreOrder: true);
        record["screenings"]!.AsArray().ShouldContain(s => s!["intake"]!["medications"]!.AsArray().Count == 1);
    }

    [Fact]
    public async Task The_demo_patient_with_a_cold_sore_history_was_screened_with_that_history_and_needs_care()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Stratum.Web.Security.RequestClinicScope>().RunAsAdmin();
            var settings = new ConfigurationBuilder().AddInMemoryCollection([new("Stratum:Demo:Password", ClinicServer.StaffPassword)]).Build();
            await DemoData.FillAsync(scope.ServiceProvider, settings, NullLogger.Instance, ClinicServer.Cancel);
        }

        var clinician = await server.SignInAsync("clinician@demo.stratum.test", ClinicServer.StaffPassword);
        var found = await (await clinician.GetAsync("/api/patients?q=Moreau", ClinicServer.Cancel)).JsonAsync();
        var id = found["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>();
        var record = await (await clinician.GetAsync($"/api/patients/{id}", ClinicServer.Cancel)).JsonAsync();

        record["conditions"]!.AsArray().ShouldHaveSingleItem()!["code"]!.GetValue<string>().ShouldBe("herpes-labialis");
        var screening = record["screenings"]!.AsArray().ShouldHaveSingleItem()!;
        screening["verdict"]!.GetValue<string>().ShouldBe("caution");
        screening["result"]!["findings"]!.AsArray().Select(f => f!["rule"]!.GetValue<string>()).ShouldContain("CI-HSV-HISTORY");
        screening["intake"]!["conditions"]![0]!["status"]!.GetValue<string>().ShouldBe("history");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_birth_date_in_the_future_or_over_130_years_back_and_a_status_a_condition_cannot_have_are_400_naming_the_field(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");

        foreach (var birthDate in new[] { "2031-03-01", "1880-01-01" })
        {
            var response = await clinic.FrontDesk.PostJsonAsync("/api/patients", $$"""{ "familyName": "Walsh", "givenName": "Niamh", "birthDate": "{{birthDate}}" }""");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.JsonAsync())["errors"]!["$.birthDate"]![0]!.GetValue<string>().ShouldStartWith(birthDate);
        }

        var pregnant = await clinic.FrontDesk.PostJsonAsync("/api/patients", """
            { "familyName": "Walsh", "givenName": "Niamh", "birthDate": "1990-03-01", "conditions": [{ "code": "pregnancy", "status": "controlled" }] }
            """);
        pregnant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pregnant.JsonAsync())["errors"]!["$.conditions[0].status"]![0]!.GetValue<string>().ShouldContain("not a status of pregnancy");

        var patient = await PatientAsync(clinic);
        var screening = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", """
            { "setting": "clinic", "conditions": [{ "code": "rosacea", "status": "controlled" }, { "code": "open-wound", "status": "controlled" }] }
            """);
        screening.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await screening.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["$.conditions[1].status"]);
        var record = await (await clinic.Clinician.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["screenings"]!.AsArray().ShouldBeEmpty();
        record["conditions"]!.AsArray().ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Bad_input_is_a_problem_400_naming_the_field(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var response = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", """{ "zones": [{ "zone": "cheek", "depthMm": 9, "passes": 3 }], "lot": { "number": "A" } }""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["$.zones[0].zone", "$.zones[0].depthMm", "$.device", "$.lot.expiry"], ignoreOrder: true);
        var nested = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", """
            { "zones": [{ "zone": "cheeks", "depthMm": 0.5, "passes": 3 }], "device": { "make": " ", "model": "M8", "needleConfiguration": "16-pin", "colour": "red" },
              "lot": { "number": "A", "expiry": "2027-01-01", "number": "B" } }
            """);
        var nestedErrors = (await nested.JsonAsync())["errors"]!.AsObject();
        nestedErrors.Select(e => e.Key).ShouldBe(["$.device.make", "$.device.colour", "$.lot.number"], ignoreOrder: true);
        nestedErrors["$.lot.number"]![0]!.GetValue<string>().ShouldBe("appears more than once");
        var weak = await clinic.Admin.PostAsJsonAsync($"/api/clinics/{clinic.Id}/users", new { email = "x@stratum.test", password = "short", role = "clinician" }, ClinicServer.Cancel);
        (await weak.JsonAsync())["errors"]!["$.password"].ShouldNotBeNull();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Plans_outcome_scores_and_adverse_event_follow_up_are_kept_on_the_record(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var plan = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/plans", Screening);
        plan.StatusCode.ShouldBe(HttpStatusCode.Created, await plan.Content.ReadAsStringAsync(ClinicServer.Cancel));
        (await plan.JsonAsync())["plan"]!["zones"]!.AsArray().Count.ShouldBe(2);
        var outcome = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/outcomes", """{ "qualitativeGrade": 3, "lesions": [{ "type": "moderate-atrophic", "count": 8 }] }""");
        outcome.StatusCode.ShouldBe(HttpStatusCode.Created, await outcome.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var adverse = (await (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/adverse-events",
            """{ "setting": "clinic", "hoursSinceTreatment": 30, "symptoms": [{ "code": "erythema", "trend": "worsening" }] }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var version = (await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync())["adverseEvents"]![0]!["version"]!.GetValue<string>();

        var followed = await clinic.FrontDesk.PutAsJsonAsync($"/api/patients/{patient}/adverse-events/{adverse}", new { version, note = "call back tomorrow morning" }, ClinicServer.Cancel);
        followed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await clinic.Clinician.PutAsJsonAsync($"/api/patients/{patient}/adverse-events/{adverse}", new { version, outcome = "settled", resolvedOn = "2026-11-25" }, ClinicServer.Cancel);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["plans"]!.AsArray().ShouldHaveSingleItem()!["indication"]!.GetValue<string>().ShouldBe("acne-scars");
        record["outcomes"]!.AsArray().ShouldHaveSingleItem()!["qualitativeGrade"]!.GetValue<int>().ShouldBe(3);
        record["adverseEvents"]![0]!["notes"]![0]!["text"]!.GetValue<string>().ShouldBe("call back tomorrow morning");
        record["adverseEvents"]![0]!["outcome"].ShouldBeNull();
    }
}
