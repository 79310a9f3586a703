using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>/messages (DESIGN §6): the outbox as the front desk sees it, on a 390 px phone without JavaScript; this server has no mail server set up.</summary>
public sealed class MessagesPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_outbox_lists_a_booked_visits_reminder_as_waiting_says_why_nothing_is_sent_and_filters_by_status()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var (clinician, email) = await ClinicData.ClinicianAsync(http, admin, "Outbox");
        var patient = (await ClinicData.PostAsync(http, clinician, "/api/patients",
            """{ "familyName": "Okafor", "givenName": "Ada", "birthDate": "1988-03-14", "email": "ada.okafor@example.test" }"""))["id"]!.GetValue<Guid>();
        await ClinicData.PostAsync(http, clinician, "/api/appointments", $$"""{ "patientId": "{{patient}}", "start": "2026-12-09T11:00:00Z", "durationMinutes": 30 }""");

        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();

        await Assertions.Expect(page.Locator("#not-sending")).ToContainTextAsync("Stratum__Smtp__Host");
        var row = page.Locator("#messages tbody tr").Filter(new() { HasText = "Ada Okafor" });
        await Assertions.Expect(row).ToContainTextAsync("Reminder, 48 hours before the visit");
        await Assertions.Expect(row).ToContainTextAsync("Waiting");
        await Assertions.Expect(row).ToContainTextAsync("2026-12-07 11:00");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by status" }).GetByRole(AriaRole.Link, new() { Name = "Sent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#no-messages")).ToBeVisibleAsync();
        page.Url.ShouldEndWith("/messages?status=sent");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await PageChecks.ScreenshotAsync(page, "staff-messages");
    }
}
