using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// The staff pages (DESIGN §6) in a real Chromium: sign-in with the cookie, the patient list, a patient's record with
/// the session on the timeline, and another clinic's patient answered as "No such patient". Data is made through the API.
/// </summary>
public sealed class StaffPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_signs_in_finds_the_patient_and_sees_the_session_on_the_timeline_and_another_clinic_sees_no_such_patient()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (north, northEmail) = await ClinicData.ClinicianAsync(http, admin, "North");
        var (_, southEmail) = await ClinicData.ClinicianAsync(http, admin, "South");

        var patient = (await ClinicData.PostAsync(http, north, "/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02", "phototype": 3 }"""))["id"]!.GetValue<Guid>();
        await ClinicData.PostAsync(http, north, $"/api/patients/{patient}/screenings", """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks", "forehead"] }""");
        await ClinicData.PostAsync(http, north, $"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Maja Lindqvist", "photoConsent": true }""");
        await ClinicData.PostAsync(http, north, "/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""");
        await ClinicData.PostAsync(http, north, $"/api/patients/{patient}/sessions", """
            { "date": "2026-11-25", "indication": "acne-scars",
              "zones": [{ "zone": "cheeks", "depthMm": 1.5, "passes": 3 }],
              "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" },
              "lot": { "number": "LOT-A", "expiry": "2027-06-30" } }
            """);
        await ClinicData.PostAsync(http, north, $"/api/patients/{patient}/outcomes", """{ "assessments": [{ "date": "2026-10-01", "qualitativeGrade": 3, "lesions": [{ "type": "moderate-atrophic", "count": 25 }] }] }""");
        var photo = await ClinicData.PhotoAsync(http, north, patient);
        await ClinicData.PostAsync(http, north, $"/api/patients/{patient}/outcomes", $$"""{ "assessments": [{ "date": "2026-11-25", "qualitativeGrade": 2, "lesions": [{ "type": "moderate-atrophic", "count": 3 }] }], "photoIds": ["{{photo}}"] }""");

        // Without JavaScript: the plain form POST signs in, a wrong password keeps the email and says so beside it.
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync(fixture.BaseUrl + "/patients");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Fpatients"));
        await page.GetByLabel("Email").FillAsync(northEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("Wrong email or password");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync(northEmail);

        await page.GetByLabel("Password").FillAsync(ClinicData.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/patients");
        await page.GetByLabel("Search by name").FillAsync("lindq");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lindqvist, Maja" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Maja Lindqvist");
        await Assertions.Expect(page.Locator("#screenings")).ToContainTextAsync("Nothing found that speaks against it");
        var mark = page.Locator("svg.timeline-chart g.session-mark");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        await Assertions.Expect(mark.Locator("title")).ToContainTextAsync("2026-11-25: cheeks at 1.5 mm");
        await Assertions.Expect(mark.Locator("title")).ToContainTextAsync("lot LOT-A");
        await Assertions.Expect(page.Locator("#sessions-list")).ToContainTextAsync("lot LOT-A");
        await Assertions.Expect(page.Locator("svg.outcome-chart g.score-mark")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("svg.outcome-chart polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#outcome-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#outcome-table tbody tr").First).ToContainTextAsync("2026-10-01");
        var photoLink = page.Locator("#outcome-table tbody tr").Last.GetByRole(AriaRole.Link, new() { Name = "photo 1" });
        (await page.APIRequest.GetAsync(fixture.BaseUrl + "/" + await photoLink.GetAttributeAsync("href"))).Headers["content-type"].ShouldBe("image/png");
        await Assertions.Expect(page.Locator("svg.outcome-chart > title")).ToContainTextAsync("from 6 on 2026-10-01 to 2 on 2026-11-25");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-patient");

        // A clinician of another clinic opening the same address: 404 and no data.
        var other = await NewPageAsync(javaScript: true);
        await other.GotoAsync(fixture.BaseUrl + "/login");
        await other.GetByLabel("Email").FillAsync(southEmail);
        await other.GetByLabel("Password").FillAsync(ClinicData.StaffPassword);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(fixture.BaseUrl + "/patients");
        var response = await other.GotoAsync($"{fixture.BaseUrl}/patients/{patient}");
        response!.Status.ShouldBe(404);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No such patient");
        (await other.InnerTextAsync("body")).ShouldNotContain("Lindqvist");
        await PageChecks.ScreenshotAsync(other, "staff-no-such-patient");

        // Signing out ends the cookie session: the list asks for sign-in again.
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await other.GotoAsync(fixture.BaseUrl + "/patients");
        await Assertions.Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    private async Task<IPage> NewPageAsync(bool javaScript)
    {
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task New_session_without_a_patient_offers_to_find_one_and_leads_to_their_session_form()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicData.ClinicianAsync(http, admin, "Picker");
        await ClinicData.PostAsync(http, clinician, "/api/patients", """{ "familyName": "Achterberg", "givenName": "Lotte", "birthDate": "1990-06-01" }""");
        var page = await ClinicData.SignedInPageAsync(fixture, email);

        var response = await page.GotoAsync($"{fixture.BaseUrl}/sessions/new");
        response!.Status.ShouldBe(200);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New session: choose the patient");
        await page.GetByLabel("Find the patient", new() { Exact = false }).FillAsync("achter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("#picked-patients").GetByRole(AriaRole.Link, new() { Name = "Achterberg, Lotte" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New session: Lotte Achterberg");
        await page.GotoAsync($"{fixture.BaseUrl}/sessions/new?q=nobody-by-this-name");
        await Assertions.Expect(page.Locator("#no-patients")).ToContainTextAsync("No patient matches");
    }
}
