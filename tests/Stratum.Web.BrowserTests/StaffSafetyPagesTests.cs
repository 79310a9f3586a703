using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// The clinic's safety pages in a real Chromium without JavaScript: lots with their status, registering a lot, who was
/// treated with a lot and its recall, the cluster of infections on one lot, the audit trail with its chain check,
/// and what a role may not open.
/// </summary>
public sealed class StaffSafetyPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinic_admin_sees_the_infection_cluster_recalls_the_lot_and_gets_the_patients_to_contact_and_front_desk_cannot_open_the_audit()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var clinic = await ClinicData.ClinicAsync(http, admin, "East");
        var (clinician, _) = await ClinicData.StaffAsync(http, admin, clinic, "clinician");
        var (_, clinicAdminEmail) = await ClinicData.StaffAsync(http, admin, clinic, "clinic-admin");
        var (_, frontDeskEmail) = await ClinicData.StaffAsync(http, admin, clinic, "front-desk");
        await ClinicData.PostAsync(http, clinician, "/api/lots", """{ "lotNumber": "LOT-BAD", "product": "36-needle cartridge", "expiry": "2027-06-30" }""");
        foreach (var (family, given, contact) in new[] { ("Lindqvist", "Maja", "\"phone\": \"07911 123456\","), ("Okafor", "Ines", "") })
        {
            var patient = (await ClinicData.PostAsync(http, clinician, "/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "{{given}}", "birthDate": "1991-04-02", {{contact}} "phototype": 3 }"""))["id"]!.GetValue<Guid>();
            await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/screenings", """{ "setting": "clinic", "age": 35, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""");
            await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/consents", $$"""{ "formVersion": "stratum-1", "signedBy": "{{given}} {{family}}", "photoConsent": true }""");
            var session = (await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/sessions", """
                { "date": "2026-11-25", "indication": "acne-scars",
                  "zones": [{ "zone": "cheeks", "depthMm": 1.5, "passes": 3 }],
                  "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" },
                  "lot": { "number": "LOT-BAD", "expiry": "2027-06-30" } }
                """))["id"]!.GetValue<Guid>();
            await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/adverse-events",
                $$"""{ "sessionId": "{{session}}", "setting": "clinic", "hoursSinceTreatment": 60, "symptoms": [{ "code": "pus" }] }""");
        }

        var page = await ClinicData.SignedInPageAsync(fixture, clinicAdminEmail);

        // The cluster: two infections sharing the lot, and so also the device and the operator, with both patients named.
        await page.GetByRole(AriaRole.Link, new() { Name = "Signals" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.signal h2")).ToHaveTextAsync([
            "! Infection: 2 events sharing lot LOT-BAD", "! Infection: 2 events sharing device SkinPen Precision", "! Infection: 2 events sharing operator clinician." + clinic.ToString("n") + "@stratum.test"]);
        var signal = page.Locator("section.signal").Filter(new() { HasText = "sharing lot LOT-BAD" });
        await Assertions.Expect(signal).ToContainTextAsync("Lindqvist, Maja");
        await Assertions.Expect(signal).ToContainTextAsync("Okafor, Ines");
        await Assertions.Expect(signal.Locator("li").Filter(new() { HasText = "Lindqvist" })).ToContainTextAsync("+44 7911 123456");
        await Assertions.Expect(signal.Locator("li").Filter(new() { HasText = "Okafor" })).ToContainTextAsync("no phone or email on record");
        await PageChecks.ScreenshotAsync(page, "staff-signals");

        // The lot's page from the signal: who was treated; a recall without a reason is refused beside the field.
        await signal.GetByRole(AriaRole.Link, new() { Name = "Lot LOT-BAD: who else was treated with it" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lot LOT-BAD");
        await Assertions.Expect(page.Locator("#lot-status")).ToContainTextAsync("Usable");
        await Assertions.Expect(page.Locator("#lot-sessions tbody tr")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recall this lot" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recall-reason-error")).ToContainTextAsync("Required");
        await page.GetByLabel("Reason for the recall").FillAsync("Two infections within a week; supplier notified.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recall this lot" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lot-status")).ToContainTextAsync("Recalled on 2026-11-25: Two infections within a week");
        await Assertions.Expect(page.Locator("#treated h2")).ToHaveTextAsync("Patients to contact");
        await Assertions.Expect(page.Locator("#lot-sessions")).ToContainTextAsync("Okafor, Ines");
        await Assertions.Expect(page.Locator("#lot-sessions tbody tr").Filter(new() { HasText = "Lindqvist" }).GetByRole(AriaRole.Link, new() { Name = "+44 7911 123456" })).ToHaveAttributeAsync("href", "tel:+447911123456");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Recall this lot" })).ToHaveCountAsync(0);
        await PageChecks.ScreenshotAsync(page, "staff-lot-recalled");

        // The list of lots: the recall shows in words; a lot already registered is named beside its field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lots", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#lots tbody tr").Filter(new() { HasText = "LOT-BAD" })).ToContainTextAsync("Recalled");
        await page.GetByLabel("Lot number").FillAsync("LOT-BAD");
        await page.GetByLabel("Product").FillAsync("12-needle cartridge");
        await page.GetByLabel("Expiry date").FillAsync("2027-09-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the lot" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lot-number-error")).ToContainTextAsync("already registered");
        await Assertions.Expect(page.GetByLabel("Product")).ToHaveValueAsync("12-needle cartridge");
        await page.GetByLabel("Lot number").FillAsync("LOT-NEW");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the lot" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lots tbody tr").Filter(new() { HasText = "LOT-NEW" })).ToContainTextAsync("Usable");

        // A lot registered already expired is kept for a recall, with a warning that no session can use it.
        await page.GetByLabel("Lot number").FillAsync("LOT-OLD");
        await page.GetByLabel("Product").FillAsync("12-needle cartridge");
        await page.GetByLabel("Expiry date").FillAsync("2026-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the lot" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lot-warning")).ToContainTextAsync("Lot LOT-OLD expired on 2026-01-31");
        await Assertions.Expect(page.Locator("#lots tbody tr").Filter(new() { HasText = "LOT-OLD" })).ToContainTextAsync("Expired");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-lots");

        // The audit trail: the chain verified, the recall and the reads of the lot's patients on it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chain")).ToContainTextAsync("The chain is intact");
        await Assertions.Expect(page.Locator("#audit-entries")).ToContainTextAsync("update lot-recall");
        await Assertions.Expect(page.Locator("#audit-entries")).ToContainTextAsync(clinicAdminEmail);
        await Assertions.Expect(page.Locator("#audit-entries td[data-label=Patient] a").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Lindqvist, Maja|Okafor, Ines)$"));
        await PageChecks.ScreenshotAsync(page, "staff-audit");

        // On a phone each entry is a card of labelled lines that fits the screen.
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ShouldFitAsync(page, 390);
        (await page.Locator("#audit-entries tbody tr").First.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content")).ShouldBe("\"#\"");
        await page.SetViewportSizeAsync(1280, 800);

        // Front desk: no audit link, and the address answers 403 with a page that says why.
        var desk = await ClinicData.SignedInPageAsync(fixture, frontDeskEmail);
        await Assertions.Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
        var response = await desk.GotoAsync(fixture.BaseUrl + "/audit");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your role does not allow this page");
        await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("front-desk");
    }
}
