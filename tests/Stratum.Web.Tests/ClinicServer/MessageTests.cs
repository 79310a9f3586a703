using System.Net;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// The outbox (DESIGN §5) against a real SMTP server: reminders, aftercare and follow-ups go out when due, once, in the
/// clinic's name; a refused send is retried; several nodes on one database send each message once. The server's
/// clock is fake (2026-11-25 10:00 UTC, a Wednesday; the time zone is UTC) and moves only when a test moves it.
/// </summary>
public sealed class MessageTests
{
    private const string Screening = """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""";

    [Theory, ClassData(typeof(Providers))]
    public async Task A_reminder_is_mailed_48_hours_before_the_appointment_once_in_the_clinics_name_as_text_and_html(DatabaseProvider provider)
    {
        await using var mail = new MailServer();
        await using var server = await ClinicServer.StartAsync(provider, settings: mail.Settings());
        var north = await server.CreateClinicAsync("North Skin Clinic");
        var patient = await PatientAsync(north, "maja@example.test");
        await BookAsync(north, patient, "2026-11-30T14:00:00Z", minutes: 30);

        var pending = (await OutboxAsync(north, $"?patientId={patient}"))["items"]!.AsArray().ShouldHaveSingleItem()!;
        pending["kind"]!.GetValue<string>().ShouldBe("appointment-reminder");
        pending["status"]!.GetValue<string>().ShouldBe("pending");
        DateTimeOffset.Parse(pending["dueAt"]!.GetValue<string>()).ShouldBe(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));

        server.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 13, 58, 0, TimeSpan.Zero));
        (await mail.AnyMoreAsync()).ShouldBeFalse("nothing goes out before it is due");

        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await mail.NextAsync();
        sent.From.Mailboxes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            from => from.Name.ShouldBe("North Skin Clinic"),
            from => from.Address.ShouldBe("clinic@stratum.test"));
        sent.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("maja@example.test");
        sent.Subject.ShouldBe("Reminder: your appointment at North Skin Clinic on Monday 30 November 2026 at 14:00");
        sent.TextBody.ShouldNotBeNull().ShouldContain("Hello Maja,");
        sent.TextBody.ShouldNotBeNull().ShouldContain("(30 minutes)");
        sent.HtmlBody.ShouldNotBeNull().ShouldContain("<p>Hello Maja,</p>");

        north = await server.SignInAgainAsync(north);
        var settled = await WaitForAsync(north, pending["id"]!.GetValue<Guid>(), "sent");
        settled["attempts"]!.GetValue<int>().ShouldBe(1);
        settled["sentTo"]!.GetValue<string>().ShouldBe("maja@example.test");
        server.Clock.Advance(TimeSpan.FromHours(3));
        (await mail.AnyMoreAsync()).ShouldBeFalse("a message is sent once");

        var trail = await (await north.ClinicAdmin.GetAsync("/api/audit?take=200", ClinicServer.Cancel)).JsonAsync();
        trail.AsArray().ShouldContain(e => e!["entity"]!.GetValue<string>() == "message:appointment-reminder" && e["action"]!.GetValue<string>() == "export");
    }

    [Fact]
    public async Task Aftercare_mails_say_which_products_to_avoid_until_when_and_link_to_triage_and_the_follow_up_comes_a_month_later()
    {
        await using var mail = new MailServer();
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite, settings: mail.Settings());
        var north = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(north, "maja@example.test");
        await TreatAsync(north, patient);
        var queued = (await OutboxAsync(north, $"?patientId={patient}"))["items"]!.AsArray();
        queued.Select(m => (m!["kind"]!.GetValue<string>(), DateTimeOffset.Parse(m["dueAt"]!.GetValue<string>()))).ShouldBe(
        [
            ("follow-up", ClinicServer.Now.AddDays(30)),
            ("aftercare-72h", ClinicServer.Now.AddHours(72)),
            ("aftercare-24h", ClinicServer.Now.AddHours(24)),
        ]);

        server.Clock.Advance(TimeSpan.FromHours(24));
        var day1 = await mail.NextAsync();
        day1.Subject.ShouldBe("After your treatment at North: what to avoid for now");
        day1.TextBody.ShouldNotBeNull().ShouldContain("Until Saturday 28 November 2026 at 10:00, do not put products on the treated skin that contain retinoids (retinol, retinal, tretinoin),");
        day1.TextBody.ShouldNotBeNull().ShouldContain("vitamin C serums (ascorbic acid)");
        day1.TextBody.ShouldNotBeNull().ShouldContain("https://clinic.stratum.test/triage");
        day1.HtmlBody.ShouldNotBeNull().ShouldContain("<a href=\"https://clinic.stratum.test/triage\">");

        server.Clock.Advance(TimeSpan.FromHours(48));
        var day3 = await mail.NextAsync();
        day3.Subject.ShouldBe("Three days after your treatment at North");
        day3.TextBody.ShouldNotBeNull().ShouldContain("The wait after treatment for retinoids");
        day3.TextBody.ShouldNotBeNull().ShouldNotContain("Until ");

        server.Clock.Advance(TimeSpan.FromDays(27));
        (await mail.NextAsync()).Subject.ShouldBe("How is your skin a month after your treatment at North?");
        north = await server.SignInAgainAsync(north);
        (await OutboxAsync(north, "?status=sent"))["total"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Patients_who_asked_for_no_messages_or_have_no_email_get_no_mail_and_the_outbox_says_why()
    {
        await using var mail = new MailServer();
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite, settings: mail.Settings());
        var north = await server.CreateClinicAsync("North");
        var declined = await PatientAsync(north, "no.mail@example.test", preference: "none");
        var unreachable = await PatientAsync(north, email: null);
        await BookAsync(north, declined, "2026-11-26T09:00:00Z");
        await BookAsync(north, unreachable, "2026-11-26T10:00:00Z");
        var ids = (await OutboxAsync(north, "?status=pending"))["items"]!.AsArray().Select(m => m!["id"]!.GetValue<Guid>()).ToList();
        ids.Count.ShouldBe(2, "booked less than 48 hours ahead, both reminders are due at once");

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var id in ids)
        {
            await WaitForAsync(north, id, "not-sendable");
        }

        var reasons = (await OutboxAsync(north, "?status=not-sendable"))["items"]!.AsArray().Select(m => m!["lastError"]!.GetValue<string>());
        reasons.ShouldBe(["no email address on record", "the patient asked for no messages (contact preference none)"], ignoreOrder: true);
        (await mail.AnyMoreAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_send_is_retried_with_back_off_and_shows_its_error_until_it_goes_through()
    {
        await using var mail = new MailServer();
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite, settings: mail.Settings());
        var north = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(north, "maja@example.test");
        await BookAsync(north, patient, "2026-11-26T09:00:00Z");
        var id = (await OutboxAsync(north, ""))["items"]![0]!["id"]!.GetValue<Guid>();
        mail.RefuseNext(1);

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        var failed = await WaitForAsync(north, id, "failed");
        failed["attempts"]!.GetValue<int>().ShouldBe(1);
        failed["lastError"]!.GetValue<string>().ShouldContain("try again later");
        DateTimeOffset.Parse(failed["nextAttemptAt"]!.GetValue<string>()).ShouldBe(server.Clock.GetUtcNow().AddMinutes(1), TimeSpan.FromSeconds(1));

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        (await mail.NextAsync()).To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("maja@example.test");
        var sent = await WaitForAsync(north, id, "sent");
        sent["attempts"]!.GetValue<int>().ShouldBe(2);
        sent["lastError"].ShouldBeNull();
    }

    [Fact]
    public async Task A_moved_appointment_takes_its_reminder_along_and_a_cancelled_one_withdraws_it()
    {
        await using var mail = new MailServer();
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite, settings: mail.Settings());
        var north = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(north, "maja@example.test");
        var moved = await BookAsync(north, patient, "2026-12-01T09:00:00Z");
        var cancelled = await BookAsync(north, patient, "2026-12-02T09:00:00Z");

        (await ChangeAsync(north, moved, """ "start": "2026-12-03T15:00:00Z" """)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ChangeAsync(north, cancelled, """ "status": "cancelled" """)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = (await OutboxAsync(north, ""))["items"]!.AsArray();
        var followed = items.Single(m => m!["appointmentId"]!.GetValue<Guid>() == moved)!;
        DateTimeOffset.Parse(followed["dueAt"]!.GetValue<string>()).ShouldBe(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        var withdrawn = items.Single(m => m!["appointmentId"]!.GetValue<Guid>() == cancelled)!;
        withdrawn["status"]!.GetValue<string>().ShouldBe("not-sendable");
        withdrawn["lastError"]!.GetValue<string>().ShouldBe("the appointment is cancelled");

        server.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 1, 0, TimeSpan.Zero));
        (await mail.NextAsync()).Subject.ShouldNotBeNull().ShouldContain("Thursday 3 December 2026 at 15:00");
        (await mail.AnyMoreAsync()).ShouldBeFalse("the cancelled appointment's reminder never goes out");
    }

    [Fact]
    public async Task Without_a_mail_server_messages_stay_pending_and_the_outbox_says_why()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(north, "maja@example.test");
        await BookAsync(north, patient, "2026-11-26T09:00:00Z");

        server.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(500, ClinicServer.Cancel);
        north = await server.SignInAgainAsync(north);
        var outbox = await OutboxAsync(north, "");
        outbox["sending"]!.GetValue<bool>().ShouldBeFalse();
        outbox["notSendingBecause"]!.GetValue<string>().ShouldContain("Stratum__Smtp__Host");
        outbox["items"]![0]!["status"]!.GetValue<string>().ShouldBe("pending");
    }

    [Fact]
    public async Task Two_nodes_on_one_database_send_each_due_message_exactly_once()
    {
        await using var mail = new MailServer();
        await using var a = await ClinicServer.StartAsync(DatabaseProvider.Postgres, settings: mail.Settings());
        var north = await a.CreateClinicAsync("North");
        var patients = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            var patient = await PatientAsync(north, $"patient{i}@example.test", family: $"Node{i:00}");
            await BookAsync(north, patient, $"2026-11-26T{8 + (i / 4):00}:{i % 4 * 15:00}:00Z", minutes: 15);
            patients.Add(patient);
        }

        await using var b = a.SecondNode();
        using var onB = b.CreateClient();
        (await onB.GetAsync("/health", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "node B is up, with its own sender");

        a.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < patients.Count; i++)
        {
            await mail.NextAsync();
        }

        (await mail.AnyMoreAsync()).ShouldBeFalse("no message went out twice");
        mail.Received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count().ShouldBe(patients.Count);
        var outbox = await OutboxAsync(north, "?status=sent");
        outbox["total"]!.GetValue<int>().ShouldBe(patients.Count);
        outbox["items"]!.AsArray().ShouldAllBe(m => m!["attempts"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task The_outbox_of_another_clinic_is_not_found_and_a_bad_filter_is_a_400_naming_it()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var south = await server.CreateClinicAsync("South");
        var patient = await PatientAsync(north, "maja@example.test");
        await BookAsync(north, patient, "2026-11-30T09:00:00Z");
        var id = (await OutboxAsync(north, ""))["items"]![0]!["id"]!.GetValue<Guid>();

        (await south.FrontDesk.GetAsync($"/api/messages/{id}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await south.FrontDesk.GetAsync($"/api/messages?patientId={patient}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OutboxAsync(south, ""))["total"]!.GetValue<int>().ShouldBe(0);

        var bad = await north.FrontDesk.GetAsync("/api/messages?status=delivered&patientId=someone", ClinicServer.Cancel);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.JsonAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["patientId", "status"], ignoreOrder: true);
    }

    private static async Task<Guid> PatientAsync(Clinic clinic, string? email, string? preference = null, string family = "Lindqvist")
    {
        var body = new JsonObject { ["familyName"] = family, ["givenName"] = "Maja", ["birthDate"] = "1991-04-02", ["phototype"] = 3 };
        if (email is not null)
        {
            body["email"] = email;
        }

        if (preference is not null)
        {
            body["contactPreference"] = preference;
        }

        var response = await clinic.FrontDesk.PostJsonAsync("/api/patients", body.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>A consultation (no gates apply) in the clinician's book; answers its id.</summary>
    private static async Task<Guid> BookAsync(Clinic clinic, Guid patient, string start, int minutes = 20)
    {
        var response = await clinic.Clinician.PostJsonAsync("/api/appointments", $$"""{ "patientId": "{{patient}}", "start": "{{start}}", "durationMinutes": {{minutes}} }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<HttpResponseMessage> ChangeAsync(Clinic clinic, Guid appointment, string change)
    {
        var version = (await (await clinic.FrontDesk.GetAsync($"/api/appointments/{appointment}", ClinicServer.Cancel)).JsonAsync())["version"]!.GetValue<Guid>();
        return await clinic.FrontDesk.PutJsonAsync($"/api/appointments/{appointment}", $$"""{ "version": "{{version}}", {{change}} }""");
    }

    /// <summary>Screened, consented and treated now (2026-11-25 10:00).</summary>
    private static async Task TreatAsync(Clinic clinic, Guid patient)
    {
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).EnsureSuccessStatusCode();
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "the patient", "photoConsent": true }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        var session = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", """
            { "date": "2026-11-25", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
              "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "LOT-A", "expiry": "2027-06-30" } }
            """);
        session.StatusCode.ShouldBe(HttpStatusCode.Created, await session.Content.ReadAsStringAsync(ClinicServer.Cancel));
    }

    private static async Task<JsonNode> OutboxAsync(Clinic clinic, string query)
    {
        var response = await clinic.FrontDesk.GetAsync("/api/messages" + query, ClinicServer.Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return await response.JsonAsync();
    }

    /// <summary>The message once it has the status (the sender works in the background), waiting at most 20 s.</summary>
    private static async Task<JsonNode> WaitForAsync(Clinic clinic, Guid id, string status)
    {
        JsonNode? message = null;
        for (var i = 0; i < 200; i++)
        {
            message = await (await clinic.FrontDesk.GetAsync($"/api/messages/{id}", ClinicServer.Cancel)).JsonAsync();
            if (message["status"]!.GetValue<string>() == status)
            {
                return message;
            }

            await Task.Delay(100, ClinicServer.Cancel);
        }

        throw new TimeoutException($"message {id} is still {message?["status"]} after 20 s, not {status}");
    }
}
