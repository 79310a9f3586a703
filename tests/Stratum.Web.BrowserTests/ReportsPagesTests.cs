using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>/reports (DESIGN §6): adverse events per 100 sessions with the counts behind each rate, by lot and by clinician, and the CSV exports; on a 390 px phone without JavaScript.</summary>
public sealed class ReportsPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinic_admin_reads_the_adverse_event_rate_per_lot_then_per_clinician_and_finds_the_exports()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var clinic = await ClinicData.ClinicAsync(http, admin, "Reports");
        var (clinician, clinicianEmail) = await ClinicData.StaffAsync(http, admin, clinic, "clinician");
        var (_, adminEmail) = await ClinicData.StaffAsync(http, admin, clinic, "clinic-admin");
        await ClinicData.PostAsync(http, clinician, "/api/lots", """{ "lotNumber": "LOT-REP", "product": "36-needle cartridge", "expiry": "2027-06-30" }""");
        for (var i = 0; i < 2; i++)
        {
            var patient = (await ClinicData.PostAsync(http, clinician, "/api/patients", $$"""{ "familyName": "Report{{i}}", "givenName": "Lea", "birthDate": "1990-01-01" }"""))["id"]!.GetValue<Guid>();
            await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/screenings", """{ "setting": "clinic", "age": 36, "fitzpatrick": 2, "indication": "acne-scars", "zones": ["cheeks"] }""");
            await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Lea", "photoConsent": true }""");
            var session = (await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/sessions", """
                { "date": "2026-11-25", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
                  "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "LOT-REP", "expiry": "2027-06-30" } }
                """))["id"]!.GetValue<Guid>();
            if (i == 0)
            {
                await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/adverse-events",
                    $$"""{ "setting": "clinic", "hoursSinceTreatment": 30, "sessionId": "{{session}}", "symptoms": [{ "code": "erythema" }] }""");
            }
        }

        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, adminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();

        var lot = page.Locator("#rate-table tbody tr").Filter(new() { HasText = "LOT-REP" });
        await Assertions.Expect(lot).ToHaveTextAsync("LOT-REP2150.0");
        await Assertions.Expect(page.Locator("#rates-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("format=csv"));

        await page.GetByLabel("Group by").SelectOptionAsync("clinician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rates-title")).ToContainTextAsync("By clinician");
        await Assertions.Expect(page.Locator("#rate-table tbody tr")).ToContainTextAsync(clinicianEmail);
        await Assertions.Expect(page.Locator("#sessions-csv")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#audit-csv")).ToBeVisibleAsync();

        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-12-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-from-error")).ToContainTextAsync("on or before to");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-reports");
    }
}
