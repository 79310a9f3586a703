using System.Net;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>/api/reports (DESIGN §5): adverse events per 100 sessions by lot, device and clinician, and the CSV exports.</summary>
public sealed class ReportTests
{
    private const string Screening = """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""";

    [Theory, ClassData(typeof(Providers))]
    public async Task Adverse_events_per_100_sessions_by_lot_show_the_counts_behind_each_rate_and_the_events_without_a_session(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var (sessions, _) = await TreatedAsync(north);
        await AdverseEventAsync(north, sessions[0].Patient, sessions[0].Session);
        await AdverseEventAsync(north, sessions[1].Patient, sessions[1].Session);
        await AdverseEventAsync(north, sessions[3].Patient, null);

        var report = await (await north.ClinicAdmin.GetAsync("/api/reports/adverse-events?from=2026-11-01&to=2026-11-30&by=lot", ClinicServer.Cancel)).JsonAsync();

        var groups = report["groups"]!.AsArray().Select(g => (g!["group"]!.GetValue<string>(), g["sessions"]!.GetValue<int>(), g["adverseEvents"]!.GetValue<int>(), g["ratePer100"]!.GetValue<decimal>()));
        groups.ShouldBe([("LOT-A", 3, 2, 66.7m), ("LOT-B", 1, 0, 0.0m)]);
        report["total"]!["ratePer100"]!.GetValue<decimal>().ShouldBe(50.0m);
        report["unlinkedAdverseEvents"]!.GetValue<int>().ShouldBe(1);
        report["by"]!.GetValue<string>().ShouldBe("lot");

        var byClinician = await (await north.ClinicAdmin.GetAsync("/api/reports/adverse-events?from=2026-11-01&to=2026-11-30&by=clinician", ClinicServer.Cancel)).JsonAsync();
        byClinician["groups"]!.AsArray().ShouldHaveSingleItem()!["group"]!.GetValue<string>().ShouldStartWith("clinician.");

        var south = await server.CreateClinicAsync("South");
        var other = await (await south.ClinicAdmin.GetAsync("/api/reports/adverse-events?from=2026-11-01&to=2026-11-30", ClinicServer.Cancel)).JsonAsync();
        other["total"]!["sessions"]!.GetValue<int>().ShouldBe(0, "another clinic's report counts only its own sessions");
    }

    [Fact]
    public async Task The_rates_sessions_adverse_events_and_audit_trail_download_as_csv_and_each_export_is_audited()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var (sessions, _) = await TreatedAsync(north);
        await AdverseEventAsync(north, sessions[2].Patient, sessions[2].Session);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/adverse-events?from=2026-11-01&to=2026-11-30&by=device") { Headers = { { "Accept", "text/csv" } } };
        var rates = await north.ClinicAdmin.SendAsync(request, ClinicServer.Cancel);
        rates.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await rates.Content.ReadAsStringAsync(ClinicServer.Cancel)).ReplaceLineEndings("\n").ShouldBe("""
            group,sessions,adverse_events,rate_per_100_sessions
            SkinPen Precision,4,1,25.0
            all sessions,4,1,25.0

            """);

        var sessionRows = await CsvAsync(north, "/api/reports/sessions.csv?from=2026-11-01&to=2026-11-30");
        sessionRows[0].ShouldStartWith("session_date,session_id,patient_id,family_name,given_name,lot,");
        sessionRows.Count.ShouldBe(5);
        sessionRows.Skip(1).ShouldAllBe(r => r.StartsWith("2026-11-25,", StringComparison.Ordinal) && r.Contains("cheeks 1.0 mm x2", StringComparison.Ordinal));
        var events = await CsvAsync(north, "/api/reports/adverse-events.csv?from=2026-11-01&to=2026-11-30");
        events.Count.ShouldBe(2);
        events[1].ShouldContain("Patient2,Maja,");
        events[1].ShouldContain(",LOT-A,SkinPen Precision,clinician.");
        var audit = await CsvAsync(north, "/api/reports/audit.csv");
        audit[0].ShouldBe("sequence,at_utc,user,action,entity,entity_id,patient_id,outcome,client_address,hash,previous_hash");
        audit.ShouldContain(r => r.Contains(",export,sessions-csv,", StringComparison.Ordinal));
        audit.ShouldContain(r => r.Contains(",export,adverse-events-csv,", StringComparison.Ordinal));
        audit.ShouldContain(r => r.Contains(",export,report-adverse-events:device,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_period_or_grouping_is_a_400_naming_it()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");

        var bad = await north.ClinicAdmin.GetAsync("/api/reports/adverse-events?from=2026-13-01&by=operator", ClinicServer.Cancel);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["from", "by"], ignoreOrder: true);
        var inverted = await north.ClinicAdmin.GetAsync("/api/reports/sessions.csv?from=2026-11-30&to=2026-11-01", ClinicServer.Cancel);
        inverted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inverted.JsonAsync())["errors"]!["from"].ShouldNotBeNull();
    }

    private static async Task<List<string>> CsvAsync(Clinic clinic, string path)
    {
        var response = await clinic.ClinicAdmin.GetAsync(path, ClinicServer.Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        return [.. (await response.Content.ReadAsStringAsync(ClinicServer.Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>Four patients, each screened, consented and treated today (2026-11-25): three with LOT-A, one with LOT-B.</summary>
    private static async Task<(List<(Guid Patient, Guid Session)> Sessions, string Clinician)> TreatedAsync(Clinic clinic)
    {
        (await clinic.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-B", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        var sessions = new List<(Guid, Guid)>();
        for (var i = 0; i < 4; i++)
        {
            var patient = await PagingTests.PatientAsync(clinic, $"Patient{i}", "Maja", "1991-04-02");
            (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).EnsureSuccessStatusCode();
            (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "the patient", "photoConsent": true }""")).EnsureSuccessStatusCode();
            var recorded = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", $$"""
                { "date": "2026-11-25", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
                  "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "{{(i < 3 ? "LOT-A" : "LOT-B")}}", "expiry": "2027-06-30" } }
                """);
            recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(ClinicServer.Cancel));
            sessions.Add((patient, (await recorded.JsonAsync())["id"]!.GetValue<Guid>()));
        }

        return (sessions, "clinician");
    }

    private static async Task AdverseEventAsync(Clinic clinic, Guid patient, Guid? session)
    {
        var body = new JsonObject { ["setting"] = "clinic", ["hoursSinceTreatment"] = 30, ["symptoms"] = new JsonArray(new JsonObject { ["code"] = "erythema" }) };
        if (session is { } s)
        {
            body["sessionId"] = s;
        }

        var response = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/adverse-events", body.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
    }
}
