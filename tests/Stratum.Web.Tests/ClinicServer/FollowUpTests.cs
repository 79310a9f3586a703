using System.Net;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Adverse-event follow-up (dated notes, open and resolved, outcome), the clinic's open events, and outcome assessments (issue 18 point 3).</summary>
public sealed class FollowUpTests
{
    private static async Task<Guid> PatientAsync(Clinic clinic, string family = "Lindqvist")
    {
        var response = await clinic.FrontDesk.PostJsonAsync("/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "Maja", "birthDate": "1991-04-02" }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> AdverseEventAsync(Clinic clinic, Guid patient, string occurredOn = "2026-11-24")
    {
        var response = await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/adverse-events",
            $$"""{ "occurredOn": "{{occurredOn}}", "setting": "clinic", "hoursSinceTreatment": 30, "symptoms": [{ "code": "erythema", "trend": "worsening" }] }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonNode> EventAsync(Clinic clinic, Guid patient, Guid adverse) =>
        (await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync())["adverseEvents"]!.AsArray()
            .Single(e => e!["id"]!.GetValue<Guid>() == adverse)!;

    private static async Task<JsonNode> FollowUpAsync(Clinic clinic, Guid patient, Guid adverse, string fields, HttpClient? by = null)
    {
        var version = (await EventAsync(clinic, patient, adverse))["version"]!.GetValue<string>();
        var response = await (by ?? clinic.Clinician).PutJsonAsync($"/api/patients/{patient}/adverse-events/{adverse}", $$"""{ "version": "{{version}}", {{fields}} }""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return await response.JsonAsync();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Follow_up_notes_are_kept_dated_in_order_and_an_outcome_resolves_the_event_until_it_is_reopened(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var adverse = await AdverseEventAsync(clinic, patient);
        (await EventAsync(clinic, patient, adverse))["status"]!.GetValue<string>().ShouldBe("open");

        await FollowUpAsync(clinic, patient, adverse, """ "note": "Called: redness spreading, asked her to come in" """, by: clinic.FrontDesk);
        var resolved = await FollowUpAsync(clinic, patient, adverse, """ "note": "Seen: settling with a cold compress", "outcome": "settled without treatment" """);

        resolved["status"]!.GetValue<string>().ShouldBe("resolved");
        resolved["outcome"]!.GetValue<string>().ShouldBe("settled without treatment");
        resolved["resolvedOn"]!.GetValue<string>().ShouldBe("2026-11-25", "an outcome without a date resolves it today");
        var notes = resolved["notes"]!.AsArray();
        notes.Select(n => n!["text"]!.GetValue<string>()).ShouldBe(["Called: redness spreading, asked her to come in", "Seen: settling with a cold compress"]);
        notes.ShouldAllBe(n => n!["on"]!.GetValue<string>() == "2026-11-25");
        notes[0]!["by"]!.GetValue<string>().ShouldNotBe(notes[1]!["by"]!.GetValue<string>(), "each note names who wrote it");

        var reopened = await FollowUpAsync(clinic, patient, adverse, """ "status": "open", "note": "Redness back on the left cheek" """);
        reopened["status"]!.GetValue<string>().ShouldBe("open");
        reopened["outcome"].ShouldBeNull();
        reopened["resolvedOn"].ShouldBeNull();
        reopened["notes"]!.AsArray().Select(n => n!["text"]!.GetValue<string>()).TakeLast(2)
            .ShouldBe(["Reopened; it had been resolved on 2026-11-25: settled without treatment", "Redness back on the left cheek"]);
    }

    [Fact]
    public async Task A_follow_up_that_cannot_be_kept_is_a_400_naming_the_field_and_changes_nothing()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var adverse = await AdverseEventAsync(clinic, patient);
        var version = (await EventAsync(clinic, patient, adverse))["version"]!.GetValue<string>();

        foreach (var (fields, field) in new[]
        {
            ("", "note"),
            (""", "status": "resolved" """, "outcome"),
            (""", "status": "closed" """, "status"),
            (""", "outcome": "settled", "resolvedOn": "2026-11-26" """, "resolvedOn"),
            (""", "outcome": "settled", "resolvedOn": "2026-11-20" """, "resolvedOn"),
            (""", "status": "open", "outcome": "settled" """, "outcome"),
        })
        {
            var response = await clinic.Clinician.PutJsonAsync($"/api/patients/{patient}/adverse-events/{adverse}", $$"""{ "version": "{{version}}"{{fields}} }""");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, fields);
            (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["$." + field], fields);
        }

        var unchanged = await EventAsync(clinic, patient, adverse);
        unchanged["version"]!.GetValue<string>().ShouldBe(version);
        unchanged["notes"]!.AsArray().ShouldBeEmpty();
        unchanged["status"]!.GetValue<string>().ShouldBe("open");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_clinic_lists_its_open_events_the_longest_open_first_and_not_another_clinics(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var older = await PatientAsync(north, "Okafor");
        var newer = await PatientAsync(north, "Lindqvist");
        var olderEvent = await AdverseEventAsync(north, older, "2026-11-10");
        await AdverseEventAsync(north, newer, "2026-11-22");
        var resolved = await AdverseEventAsync(north, newer, "2026-11-01");
        await FollowUpAsync(north, newer, resolved, """ "outcome": "settled" """);
        await FollowUpAsync(north, older, olderEvent, """ "note": "Reviewed, still red" """);
        var south = await server.CreateClinicAsync("South");
        await AdverseEventAsync(south, await PatientAsync(south, "Moreau"), "2026-11-05");

        var open = await (await north.Clinician.GetAsync("/api/adverse-events/open", ClinicServer.Cancel)).JsonAsync();

        open["total"]!.GetValue<int>().ShouldBe(2);
        var items = open["items"]!.AsArray();
        items.Select(e => (e!["familyName"]!.GetValue<string>(), e["occurredOn"]!.GetValue<string>())).ShouldBe([("Okafor", "2026-11-10"), ("Lindqvist", "2026-11-22")]);
        items[0]!["lastNoteOn"]!.GetValue<string>().ShouldBe("2026-11-25");
        items[1]!["lastNoteOn"].ShouldBeNull();
        items[0]!["symptoms"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["erythema"]);

        var first = await (await north.Clinician.GetAsync("/api/adverse-events/open?take=1", ClinicServer.Cancel)).JsonAsync();
        (first["total"]!.GetValue<int>(), first["items"]!.AsArray().Count).ShouldBe((2, 1));
        (await north.Clinician.GetAsync("/api/adverse-events/open?take=0", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var audit = await (await north.ClinicAdmin.GetAsync("/api/audit", ClinicServer.Cancel)).JsonAsync();
        audit.AsArray().Count(e => e!["entity"]!.GetValue<string>() == "open-adverse-events").ShouldBe(2, "each look at the list is one audit entry");
    }

    [Fact]
    public async Task An_assessment_dated_in_the_future_is_a_400_naming_its_date()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var future = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/outcomes", """{ "assessments": [{ "date": "2026-11-26", "qualitativeGrade": 3 }] }""");
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["$.assessments[0].date"]);
        var dated = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/outcomes", """{ "assessments": [{ "date": "2026-10-01", "qualitativeGrade": 3 }] }""");
        dated.StatusCode.ShouldBe(HttpStatusCode.Created);

        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["outcomes"]!.AsArray().ShouldHaveSingleItem()!["assessedOn"]!.GetValue<string>().ShouldBe("2026-10-01");
    }
}
