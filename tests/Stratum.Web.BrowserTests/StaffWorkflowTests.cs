using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// A clinician's day in a real Chromium without JavaScript: a new patient, a screening that stores the plan, consent,
/// a session picked on the face-zone map with a cartridge lot, the timeline, and a refusal overridden with a reason.
/// </summary>
public sealed class StaffWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_records_a_new_patient_screening_consent_and_a_session_with_a_lot_that_shows_on_the_timeline()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicData.ClinicianAsync(http, admin, "Harbour");
        var (_, otherEmail) = await ClinicData.ClinicianAsync(http, admin, "Hill");
        await ClinicData.PostAsync(http, clinician, "/api/lots", """{ "lotNumber": "HB-2291", "product": "12-needle cartridge", "expiry": "2027-03-31" }""");

        var page = await ClinicData.SignedInPageAsync(fixture, email);

        // A new patient: a missing family name and a birth date in the future are named beside their fields and nothing typed is lost.
        await page.GetByRole(AriaRole.Link, new() { Name = "New patient" }).ClickAsync();
        await page.GetByLabel("Given name").FillAsync("Ines");
        await page.GetByLabel("Date of birth").FillAsync("2031-05-17");
        await page.GetByLabel("Fitzpatrick phototype").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#family-name-error")).ToContainTextAsync("Required");
        await Assertions.Expect(page.Locator("#birth-date-error")).ToContainTextAsync("2031-05-17 is in the future");
        await Assertions.Expect(page.GetByLabel("Given name")).ToHaveValueAsync("Ines");
        await Assertions.Expect(page.GetByLabel("Date of birth")).ToHaveValueAsync("2031-05-17");
        await page.GetByLabel("Family name").FillAsync("Okafor");
        await page.GetByLabel("Date of birth").FillAsync("1990-05-17");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ines Okafor");
        var record = page.Url;

        // Screening with indication and zones: the verdict in words, and the plan is stored with it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Screen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Age in years")).ToHaveValueAsync("36");
        await page.GetByLabel("Indication").SelectOptionAsync("acne-scars");
        await page.GetByLabel("Cheeks").CheckAsync();
        await page.GetByLabel("Forehead").CheckAsync();
        await Assertions.Expect(page.Locator("#condition-pregnancy option")).ToHaveTextAsync(["No", "Yes, now", "Only in the past"]);
        await Assertions.Expect(page.Locator("#condition-rosacea option[value=controlled]")).ToHaveCountAsync(1);
        await page.GetByLabel("Do you have cold sores now, or have you had them?").SelectOptionAsync("history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen and store" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict h2")).ToContainTextAsync("Possible, with care");
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Cold sores in the past");
        await Assertions.Expect(page.Locator("#plan")).ToContainTextAsync("Cheeks");
        await Assertions.Expect(page.Locator("#plan")).ToContainTextAsync("Every 28–42 days");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-screening");

        // The record keeps what the screening was told, and shows beside the screening the history it read.
        await page.GotoAsync(record);
        await Assertions.Expect(page.Locator("#history-title + ul")).ToContainTextAsync("Only in the past");
        await Assertions.Expect(page.Locator("#screenings .history-read")).ToHaveTextAsync("History read: herpes-labialis (history)");

        // Consent on the record page.
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("No signed consent on record");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read and sign the consent form" }).ClickAsync();
        foreach (var statement in await page.Locator("input[id^=statement-]").AllAsync())
        {
            await statement.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#consents li")).ToContainTextAsync("Form stratum-1 (current)");

        // The session form: the plan's zones ticked with its depths; a zone ticked on the map needs a depth.
        await page.GetByRole(AriaRole.Link, new() { Name = "New session" }).ClickAsync();
        await Assertions.Expect(page.Locator("#zone-cheeks")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#depth-cheeks")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#zone-nose")).Not.ToBeCheckedAsync();
        await page.Locator("label.zone-nose path").ClickAsync();
        await Assertions.Expect(page.Locator("#zone-nose")).ToBeCheckedAsync();
        await page.GetByLabel("Device make").FillAsync("SkinPen");
        await page.GetByLabel("Device model").FillAsync("Precision");
        await page.GetByLabel("Needle configuration").FillAsync("14-needle");
        await Assertions.Expect(page.Locator("#lot-number option")).ToHaveTextAsync(["Choose the lot printed on the pack", "HB-2291 — 12-needle cartridge, expires 2027-03-31"]);
        await page.GetByLabel("Cartridge lot").SelectOptionAsync("HB-2291");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator("#depth-nose-error")).ToContainTextAsync("Required");
        await Assertions.Expect(page.GetByLabel("Cartridge lot")).ToHaveValueAsync("HB-2291");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-new-session");
        await page.Locator("label.zone-nose path").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();

        // Back on the record: the session on the timeline with its lot, and its depths on the zone map.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ines Okafor");
        await Assertions.Expect(page.Locator("svg.timeline-chart g.session-mark")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#sessions-list")).ToContainTextAsync("2026-11-25: cheeks at 1 mm");
        await Assertions.Expect(page.Locator("#sessions-list")).ToContainTextAsync("lot HB-2291");
        await Assertions.Expect(page.Locator("#zone-map .zone.marked")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#zone-table")).ToContainTextAsync("Cheeks");

        // A second session the same day is refused with the rule code and the earliest date; a written reason overrides it.
        await page.GetByRole(AriaRole.Link, new() { Name = "New session" }).ClickAsync();
        await page.GetByLabel("Cartridge lot").SelectOptionAsync("HB-2291");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync("SE-INTERVAL");
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync("Earliest date");
        await PageChecks.ScreenshotAsync(page, "staff-session-refused");
        await page.GetByLabel("Reason to override the refusal").FillAsync("Touch-up of a missed area agreed with the patient.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record with override" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.timeline-chart g.session-mark")).ToHaveCountAsync(2);

        // An adverse event reported on the record: nothing ticked is named; pus is triaged as urgent and listed.
        await page.GetByText("Report an adverse event").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report and triage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#symptoms-error")).ToContainTextAsync("Tick at least one");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Yellow or green fluid (pus)" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report and triage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#adverse-events li")).ToContainTextAsync("Get medical care today");
        await Assertions.Expect(page.Locator("#adverse-events li")).ToContainTextAsync("yellow or green fluid (pus)");

        // Another clinic's clinician cannot open the session form for this patient.
        var other = await ClinicData.SignedInPageAsync(fixture, otherEmail);
        var response = await other.GotoAsync(fixture.BaseUrl + "/sessions/new?patient=" + record[(record.LastIndexOf('/') + 1)..]);
        response!.Status.ShouldBe(404);
        (await other.InnerTextAsync("body")).ShouldNotContain("Okafor");
    }
}
