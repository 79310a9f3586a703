using System.Net;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>The appointment book (DESIGN §5): booking applies the session gates ahead of time; a busy clinician is never overridden.</summary>
public sealed class AppointmentTests
{
    // The server's clock is 2026-11-25 10:00 UTC; its time zone is UTC.
    private const string Screening = """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""";

    [Theory, ClassData(typeof(Providers))]
    public async Task A_booking_inside_the_healing_interval_is_refused_with_CI_INTERVAL_and_an_override_reason_books_it_and_is_audited(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var patient = await TreatedPatientAsync(north);

        var refused = await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-01T14:00:00+00:00"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.JsonAsync();
        problem["rule"]!.GetValue<string>().ShouldBe("CI-INTERVAL");
        problem["overridable"]!.GetValue<bool>().ShouldBeTrue();
        DateOnly.Parse(problem["notBefore"]!.GetValue<string>()).ShouldBeGreaterThan(new DateOnly(2026, 12, 1));

        var overridden = await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-01T14:00:00+00:00", overrideReason: "follow-up check only, no needling"));
        overridden.StatusCode.ShouldBe(HttpStatusCode.Created, await overridden.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var booked = await overridden.JsonAsync();
        booked["status"]!.GetValue<string>().ShouldBe("booked");
        booked["overridden"]![0]!["rule"]!.GetValue<string>().ShouldBe("CI-INTERVAL");
        var trail = await (await north.ClinicAdmin.GetAsync("/api/audit?take=500", ClinicServer.Cancel)).JsonAsync();
        trail.AsArray().Select(e => e!["entity"]!.GetValue<string>()).ShouldContain("appointment-override:CI-INTERVAL");
        trail.AsArray().ShouldContain(e => e!["entity"]!.GetValue<string>() == "appointment" && e["outcome"]!.GetValue<string>() == "denied");

        var after = await (await north.Clinician.GetAsync($"/api/appointments/{booked["id"]}", ClinicServer.Cancel)).JsonAsync();
        after["overrideReason"]!.GetValue<string>().ShouldBe("follow-up check only, no needling");
    }

    [Fact]
    public async Task A_second_booked_treatment_too_close_to_the_first_is_refused_and_a_consultation_is_not()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = await ScreenedPatientAsync(north);
        (await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-10T09:00:00Z"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var close = await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-03T09:00:00Z"));
        close.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a treatment a week before another booked one would be refused on the day of the second");
        (await close.JsonAsync())["rule"]!.GetValue<string>().ShouldBe("CI-INTERVAL");

        var consultation = await north.Clinician.PostJsonAsync("/api/appointments", $$"""{ "patientId": "{{patient}}", "start": "2026-12-03T09:00:00Z", "durationMinutes": 20 }""");
        consultation.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await consultation.JsonAsync())["warnings"]!.AsArray().ShouldBeEmpty("a consultation needs no screening or consent beforehand");
    }

    [Fact]
    public async Task A_clinician_already_booked_at_that_time_is_refused_and_no_override_lifts_it()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var first = await ScreenedPatientAsync(north);
        var second = await ScreenedPatientAsync(north, "Okafor");
        (await north.Clinician.PostJsonAsync("/api/appointments", Booking(first, "2026-12-10T09:00:00Z", minutes: 60))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var clinician = (await (await north.FrontDesk.GetAsync("/api/appointments/clinicians", ClinicServer.Cancel)).JsonAsync()).AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>();
        var busy = await north.FrontDesk.PostJsonAsync("/api/appointments", Booking(second, "2026-12-10T09:30:00Z", clinician: clinician, overrideReason: "squeeze in"));
        busy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await busy.JsonAsync();
        problem["rule"]!.GetValue<string>().ShouldBe("AP-CLINICIAN-BUSY");
        problem["overridable"]!.GetValue<bool>().ShouldBeFalse();
        problem["detail"]!.GetValue<string>().ShouldContain("2026-12-10 09:00 to 10:00");

        (await north.FrontDesk.PostJsonAsync("/api/appointments", Booking(second, "2026-12-10T10:00:00Z", clinician: clinician))).StatusCode.ShouldBe(HttpStatusCode.Created, "back to back is not double-booked");
    }

    [Fact]
    public async Task A_deferring_screening_refuses_the_booking_and_a_patient_never_screened_is_booked_with_warnings()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var acne = await PagingTests.PatientAsync(north, "Walsh", "Niamh", "1990-03-01");
        (await north.Clinician.PostJsonAsync($"/api/patients/{acne}/screenings", """
            { "setting": "clinic", "age": 36, "fitzpatrick": 2, "indication": "acne-scars", "zones": ["cheeks"], "conditions": [{ "code": "active-acne", "status": "active" }] }
            """)).EnsureSuccessStatusCode();
        var deferred = await north.Clinician.PostJsonAsync("/api/appointments", Booking(acne, "2026-12-20T09:00:00Z"));
        deferred.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deferred.JsonAsync())["rule"]!.GetValue<string>().ShouldBe("AP-SCREENING-VERDICT");

        var never = await PagingTests.PatientAsync(north, "Haddad", "Omar", "1988-06-01");
        var booked = await north.Clinician.PostJsonAsync("/api/appointments", Booking(never, "2026-12-20T09:00:00Z"));
        booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await booked.JsonAsync())["warnings"]!.AsArray().Select(w => w!["rule"]!.GetValue<string>()).ShouldBe(["AP-NO-SCREENING", "AP-NO-CONSENT"]);
        var book = await (await north.FrontDesk.GetAsync("/api/appointments?from=2026-12-20&to=2026-12-20", ClinicServer.Cancel)).JsonAsync();
        book["items"]!.AsArray().ShouldHaveSingleItem()!["warnings"]!.AsArray().Count.ShouldBe(2, "the book shows the warnings until they are resolved");
    }

    [Theory]
    [InlineData("""{ "patientId": "{p}", "start": "2026-11-24T09:00:00Z", "durationMinutes": 30 }""", "start")]
    [InlineData("""{ "patientId": "{p}", "start": "2026-12-24T09:00:00", "durationMinutes": 30 }""", "start")]
    [InlineData("""{ "patientId": "{p}", "start": "2026-12-24T09:00:00Z", "durationMinutes": 0 }""", "durationMinutes")]
    [InlineData("""{ "patientId": "{p}", "start": "2026-12-24T09:00:00Z", "durationMinutes": 1440 }""", "durationMinutes")]
    [InlineData("""{ "patientId": "{p}", "start": "2026-12-24T09:00:00Z", "durationMinutes": 30, "clinicianId": "nobody" }""", "clinicianId")]
    [InlineData("""{ "patientId": "{p}", "start": "2026-12-24T09:00:00Z", "durationMinutes": 30, "zones": ["elbow"] }""", "zones[0]")]
    [InlineData("""{ "patientId": "00000000-0000-0000-0000-000000000001", "start": "2026-12-24T09:00:00Z", "durationMinutes": 30 }""", "patientId")]
    public async Task Bad_booking_input_is_a_400_naming_the_field_and_books_nothing(string body, string field)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = await PagingTests.PatientAsync(north, "Walsh", "Niamh", "1990-03-01");
        var response = await north.Clinician.PostJsonAsync("/api/appointments", body.Replace("{p}", patient.ToString(), StringComparison.Ordinal));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe([$"$.{field}"]);
        var book = await (await north.Clinician.GetAsync("/api/appointments?from=2026-11-25&to=2026-12-31", ClinicServer.Cancel)).JsonAsync();
        book["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_clinics_appointment_is_404_and_a_front_desk_booking_must_name_the_clinician()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var south = await server.CreateClinicAsync("South");
        var patient = await ScreenedPatientAsync(north);
        var id = (await (await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-10T09:00:00Z"))).JsonAsync())["id"]!.GetValue<Guid>();

        (await south.Clinician.GetAsync($"/api/appointments/{id}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.Clinician.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{Guid.NewGuid()}}", "status": "cancelled" }""")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var southBook = await (await south.Clinician.GetAsync("/api/appointments?from=2026-12-10&to=2026-12-10", ClinicServer.Cancel)).JsonAsync();
        southBook["items"]!.AsArray().ShouldBeEmpty();
        (await south.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-12T09:00:00Z"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another clinic's patient is not one of yours");

        var unnamed = await north.FrontDesk.PostJsonAsync("/api/appointments", Booking(patient, "2026-12-30T09:00:00Z"));
        (await unnamed.JsonAsync())["errors"]!["$.clinicianId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Moving_runs_the_gates_again_and_a_status_only_goes_forward()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = await TreatedPatientAsync(north);
        var id = (await (await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2027-01-10T09:00:00Z"))).JsonAsync())["id"]!.GetValue<Guid>();

        async Task<string> Version() => (await (await north.Clinician.GetAsync($"/api/appointments/{id}", ClinicServer.Cancel)).JsonAsync())["version"]!.GetValue<string>();

        var early = await north.Clinician.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{await Version()}}", "start": "2026-11-30T09:00:00Z" }""");
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.JsonAsync())["rule"]!.GetValue<string>().ShouldBe("CI-INTERVAL");

        (await north.FrontDesk.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{await Version()}}", "start": "2027-01-12T11:00:00Z", "durationMinutes": 30 }""")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await (await north.Clinician.GetAsync($"/api/appointments/{id}", ClinicServer.Cancel)).JsonAsync();
        moved["start"]!.GetValue<DateTimeOffset>().ShouldBe(new DateTimeOffset(2027, 1, 12, 11, 0, 0, TimeSpan.Zero));
        moved["durationMinutes"]!.GetValue<int>().ShouldBe(30);

        (await north.FrontDesk.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{await Version()}}", "status": "cancelled" }""")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = await north.FrontDesk.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{await Version()}}", "status": "booked" }""");
        back.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await back.JsonAsync())["errors"]!["$.status"]![0]!.GetValue<string>().ShouldContain("cancelled cannot become booked");
        (await north.FrontDesk.PutJsonAsync($"/api/appointments/{id}", $$"""{ "version": "{{Guid.NewGuid()}}", "status": "no-show" }""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a cancelled visit cannot become a no-show");
    }

    [Fact]
    public async Task A_session_recorded_on_the_day_of_a_booked_treatment_completes_it()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = await ScreenedPatientAsync(north);
        (await north.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "the patient", "photoConsent": true }""")).EnsureSuccessStatusCode();
        var id = (await (await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, "2026-11-25T15:00:00Z"))).JsonAsync())["id"]!.GetValue<Guid>();
        (await north.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        var session = await north.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", Session("2026-11-25"));
        session.StatusCode.ShouldBe(HttpStatusCode.Created, await session.Content.ReadAsStringAsync(ClinicServer.Cancel));

        var appointment = await (await north.Clinician.GetAsync($"/api/appointments/{id}", ClinicServer.Cancel)).JsonAsync();
        appointment["status"]!.GetValue<string>().ShouldBe("completed");
        appointment["sessionId"]!.GetValue<Guid>().ShouldBe((await session.JsonAsync())["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Each_clinicians_book_is_an_icalendar_feed_with_one_stable_uid_per_appointment_and_a_real_dtstamp()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var ids = new List<Guid>();
        foreach (var (family, start) in new[] { ("Lindqvist", "2026-12-10T09:00:00Z"), ("Okafor", "2026-12-10T10:00:00Z") })
        {
            var patient = await ScreenedPatientAsync(north, family);
            ids.Add((await (await north.Clinician.PostJsonAsync("/api/appointments", Booking(patient, start))).JsonAsync())["id"]!.GetValue<Guid>());
        }

        var feed = await north.Clinician.GetAsync("/api/appointments/calendar.ics", ClinicServer.Cancel);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync(ClinicServer.Cancel))!;
        calendar.Events.Select(e => e.Uid).ShouldBe(ids.Select(i => $"{i:D}@stratum"), ignoreOrder: true);
        calendar.Events.ShouldAllBe(e => e.DtStamp!.AsUtc == ClinicServer.Now.UtcDateTime);
        calendar.Events.Single(e => e.Summary!.StartsWith("Okafor", StringComparison.Ordinal)).DtStart!.AsUtc.ShouldBe(new DateTime(2026, 12, 10, 10, 0, 0, DateTimeKind.Utc));
    }

    private static string Booking(Guid patient, string start, int minutes = 45, string? clinician = null, string? overrideReason = null) =>
        new JsonObject
        {
            ["patientId"] = patient,
            ["start"] = start,
            ["durationMinutes"] = minutes,
            ["indication"] = "acne-scars",
            ["zones"] = new JsonArray("cheeks"),
            ["clinicianId"] = clinician,
            ["overrideReason"] = overrideReason,
        }.ToJsonString().Replace(",\"clinicianId\":null", "", StringComparison.Ordinal).Replace(",\"overrideReason\":null", "", StringComparison.Ordinal);

    private static string Session(string date) => $$"""
        { "date": "{{date}}", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
          "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "LOT-A", "expiry": "2027-06-30" } }
        """;

    private static async Task<Guid> ScreenedPatientAsync(Clinic clinic, string family = "Lindqvist")
    {
        var patient = await PagingTests.PatientAsync(clinic, family, "Maja", "1991-04-02");
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).EnsureSuccessStatusCode();
        return patient;
    }

    /// <summary>Screened, consented and treated today (2026-11-25).</summary>
    private static async Task<Guid> TreatedPatientAsync(Clinic clinic)
    {
        var patient = await ScreenedPatientAsync(clinic);
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "the patient", "photoConsent": true }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", Session("2026-11-25"))).EnsureSuccessStatusCode();
        return patient;
    }
}
