using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stratum.Data;
using UglyToad.PdfPig;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Consent that is signed (issue 18): versioned forms, the signed PDF with its SHA-256 in the audit trail, sessions only against the current form.</summary>
public sealed class ConsentTests
{
    private const string Screening = """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""";

    private const string Session = """
        { "date": "2026-11-25", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.5, "passes": 3 }],
          "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "LOT-A", "expiry": "2027-06-30" } }
        """;

    private static async Task<Guid> PatientAsync(Clinic clinic) =>
        (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02", "phototype": 3 }""")).JsonAsync())["id"]!.GetValue<Guid>();

    private static Task<HttpResponseMessage> SignAsync(Clinic clinic, Guid patient, string version, string extra = "") =>
        clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", $$"""{ "formVersion": "{{version}}", "signedBy": "Maja Lindqvist", "photoConsent": false {{extra}} }""");

    [Theory, ClassData(typeof(Providers))]
    public async Task A_signed_consent_is_kept_as_a_pdf_of_the_form_whose_sha256_is_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var forms = (await (await clinic.FrontDesk.GetAsync("/api/consent-forms", ClinicServer.Cancel)).JsonAsync()).AsArray();
        var current = forms.ShouldHaveSingleItem()!;
        current["current"]!.GetValue<bool>().ShouldBeTrue();
        current["publishedAt"].ShouldBeNull("until the clinic publishes its own, Stratum's default form is the current one");

        var drawn = Convert.ToBase64String(PhotoTests.Png);
        var signed = await SignAsync(clinic, patient, current["version"]!.GetValue<string>(), $$""", "signaturePng": "data:image/png;base64,{{drawn}}" """);
        signed.StatusCode.ShouldBe(HttpStatusCode.Created, await signed.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var consent = await signed.JsonAsync();
        var sha = consent["sha256"]!.GetValue<string>();

        var pdf = await clinic.Clinician.GetAsync(signed.Headers.Location!, ClinicServer.Cancel);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(ClinicServer.Cancel);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(sha);
        using (var document = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            text.ShouldContain("Maja Lindqvist");
            text.ShouldContain("I agree to be treated with microneedling.");
            text.ShouldContain("I do not agree to photographs.");
            document.GetPages().SelectMany(p => p.GetImages()).ShouldNotBeEmpty("the drawn signature is in the document");
        }

        var trail = (await (await clinic.ClinicAdmin.GetAsync("/api/audit?take=500", ClinicServer.Cancel)).JsonAsync()).AsArray();
        trail.ShouldContain(e => e!["entity"]!.GetValue<string>() == "consent-pdf" && e["entityId"]!.GetValue<string>().EndsWith(":" + sha, StringComparison.Ordinal));
        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        var kept = record["consents"]!.AsArray().ShouldHaveSingleItem()!;
        (kept["current"]!.GetValue<bool>(), kept["pdf"]!.GetValue<bool>(), kept["photoConsent"]!.GetValue<bool>(), kept["signature"]!.GetValue<string>()).ShouldBe((true, true, false, "drawn"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_version_of_the_form_is_current_and_a_session_needs_it_signed(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        (await clinic.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        (await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", Screening)).EnsureSuccessStatusCode();
        (await SignAsync(clinic, patient, "stratum-1")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var published = await clinic.ClinicAdmin.PostJsonAsync("/api/consent-forms", """{ "version": "north-2", "text": "Our clinic's own wording.\n\nA second paragraph.", "photoText": "Photographs of the treated areas." }""");
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var forms = (await (await clinic.FrontDesk.GetAsync("/api/consent-forms", ClinicServer.Cancel)).JsonAsync()).AsArray();
        forms[0]!["version"]!.GetValue<string>().ShouldBe("north-2");
        forms[0]!["text"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["Our clinic's own wording.", "A second paragraph."]);

        var refused = await RefusedAsync(await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", Session));
        refused["rule"]!.GetValue<string>().ShouldBe("SE-CONSENT-OUTDATED");
        refused["overridable"]!.GetValue<bool>().ShouldBeFalse();
        var stale = await SignAsync(clinic, patient, "stratum-1");
        stale.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stale.JsonAsync())["errors"]!["$.formVersion"]![0]!.GetValue<string>().ShouldContain("north-2");

        server.Clock.Advance(TimeSpan.FromMinutes(20));
        (await SignAsync(clinic, patient, "north-2")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var recorded = await clinic.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", Session);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync();
        record["consents"]!.AsArray().Select(c => (c!["formVersion"]!.GetValue<string>(), c["current"]!.GetValue<bool>())).ShouldBe([("north-2", true), ("stratum-1", false)]);
    }

    [Fact]
    public async Task A_version_name_is_published_once_and_a_form_without_its_text_is_refused_naming_the_field()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        const string form = """{ "version": "north-2", "text": "Wording.", "photoText": "Photographs." }""";
        (await clinic.ClinicAdmin.PostJsonAsync("/api/consent-forms", form)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await clinic.ClinicAdmin.PostJsonAsync("/api/consent-forms", form)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await clinic.ClinicAdmin.PostJsonAsync("/api/consent-forms", """{ "version": "stratum-1", "text": "Wording.", "photoText": "Photographs." }""")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var missing = await clinic.ClinicAdmin.PostJsonAsync("/api/consent-forms", """{ "version": "north-3", "photoText": "Photographs." }""");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.JsonAsync())["errors"]!["$.text"].ShouldNotBeNull();
        (await clinic.Clinician.PostJsonAsync("/api/consent-forms", form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("\"not base64!\"")]
    [InlineData("\"/9j/4AAQSkZJRgABAQ==\"")]
    [InlineData("\"iVBORw0KGgoAAAANSUhEUgAA\"")]
    public async Task A_signature_that_is_not_a_readable_png_is_refused_and_nothing_is_signed(string signature)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var response = await SignAsync(clinic, patient, "stratum-1", $", \"signaturePng\": {signature}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]!["$.signaturePng"].ShouldNotBeNull();
        (await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}", ClinicServer.Cancel)).JsonAsync())["consents"]!.AsArray().ShouldBeEmpty();
    }

    private static async Task<JsonNode> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return await response.JsonAsync();
    }
}
