using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>/calendar (DESIGN §6): booking from the patient's record with the gates applied, the day and week views, status buttons; on a 390 px phone without JavaScript.</summary>
public sealed class CalendarPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_books_from_the_record_sees_the_interval_refusal_books_with_a_reason_and_marks_the_patient_arrived()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicData.ClinicianAsync(http, admin, "Calendar");
        var patient = (await ClinicData.PostAsync(http, clinician, "/api/patients", """{ "familyName": "Novak", "givenName": "Petra", "birthDate": "1969-05-02", "phototype": 2 }"""))["id"]!.GetValue<Guid>();
        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/screenings", """{ "setting": "clinic", "age": 57, "fitzpatrick": 2, "indication": "acne-scars", "zones": ["cheeks"] }""");
        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Petra Novak", "photoConsent": true }""");
        await ClinicData.PostAsync(http, clinician, "/api/lots", """{ "lotNumber": "LOT-CAL", "product": "36-needle cartridge", "expiry": "2027-06-30" }""");
        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/sessions", """
            { "date": "2026-11-25", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
              "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" }, "lot": { "number": "LOT-CAL", "expiry": "2027-06-30" } }
            """);

        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);
        await page.GotoAsync($"{fixture.BaseUrl}/patients/{patient}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" }).ClickAsync();

        await page.GetByLabel("Date of the visit").FillAsync("2026-12-01");
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("14:30");
        await page.GetByLabel("Minutes", new() { Exact = true }).FillAsync("45");
        await page.GetByLabel("Treatment").SelectOptionAsync("acne-scars");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book" }).ClickAsync();
        var answer = page.Locator("#book-answer");
        await Assertions.Expect(answer).ToContainTextAsync("CI-INTERVAL");
        await Assertions.Expect(answer).ToContainTextAsync("2026-11-25");

        await page.GetByLabel("Reason to book despite a refusal").FillAsync("review visit, no needling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book" }).ClickAsync();
        var booked = page.Locator("li.appointment").Filter(new() { HasText = "Novak, Petra" });
        await Assertions.Expect(booked).ToContainTextAsync("14:30–15:15");
        await Assertions.Expect(booked).ToContainTextAsync("Booked despite a refusal: review visit, no needling");
        await Assertions.Expect(booked.Locator(".badge")).ToHaveTextAsync("booked");

        await booked.GetByRole(AriaRole.Button, new() { Name = "Arrived: Novak, Petra at 14:30" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-answer")).ToHaveTextAsync("Marked arrived.");
        await Assertions.Expect(page.Locator("li.appointment").Filter(new() { HasText = "Novak, Petra" }).Locator(".badge")).ToHaveTextAsync("arrived");

        await page.GetByRole(AriaRole.Link, new() { Name = "Week view" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.calendar-day")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("section.calendar-day").Filter(new() { HasText = "Tuesday 1 December 2026" })).ToContainTextAsync("Novak, Petra");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-calendar-week");
    }
    [Fact]
    public async Task The_front_desk_moves_an_appointment_to_another_time_from_the_calendar()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicData.ClinicianAsync(http, admin, "Move");
        var patient = (await ClinicData.PostAsync(http, clinician, "/api/patients", """{ "familyName": "Haddad", "givenName": "Rana", "birthDate": "1979-08-21" }"""))["id"]!.GetValue<Guid>();
        await ClinicData.PostAsync(http, clinician, "/api/appointments", $$"""{ "patientId": "{{patient}}", "start": "2026-12-02T10:00:00Z", "durationMinutes": 20 }""");

        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);
        await page.GotoAsync($"{fixture.BaseUrl}/calendar?day=2026-12-02");
        await page.GetByRole(AriaRole.Link, new() { Name = "Move: Haddad, Rana at 10:00" }).ClickAsync();

        await Assertions.Expect(page.Locator("#book-title")).ToHaveTextAsync("Move the appointment");
        await Assertions.Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("10:00");
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("11:15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();

        var moved = page.Locator("li.appointment").Filter(new() { HasText = "Haddad, Rana" });
        await Assertions.Expect(moved).ToContainTextAsync("11:15–11:35");
        await Assertions.Expect(moved.Locator(".badge")).ToHaveTextAsync("booked");
        await PageChecks.ShouldLabelEveryInputAsync(page);
    }
}
