using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// The patient page's follow-up forms (DESIGN §6): an adverse event is followed up with dated notes until it is resolved,
/// open events are listed on /signals, and a Goodman &amp; Baron assessment entered on the page feeds the chart and the
/// baseline-against-latest comparison.
/// </summary>
public sealed class FollowUpPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_clinician_notes_the_follow_up_and_resolves_the_event_which_then_leaves_the_open_list_on_signals()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (clinician, email, patient) = await ClinicData.ClinicianWithPatientAsync(http, "Follow-up phone", "Haddad");
        var adverse = (await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/adverse-events",
            """{ "occurredOn": "2026-11-23", "setting": "clinic", "hoursSinceTreatment": 48, "symptoms": [{ "code": "erythema", "trend": "worsening" }] }"""))["id"]!.GetValue<Guid>();
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);

        await page.GotoAsync($"{fixture.BaseUrl}/signals");
        var open = page.Locator("#open-events");
        await Assertions.Expect(open).ToContainTextAsync("1 open");
        await Assertions.Expect(open.Locator("tbody tr")).ToContainTextAsync("2026-11-23 (2 days open)");
        await Assertions.Expect(open.Locator("tbody tr")).ToContainTextAsync("none yet");
        await PageChecks.ShouldFitAsync(page, 390);
        await open.GetByRole(AriaRole.Link, new() { Name = "Haddad, Noor" }).ClickAsync();

        var item = page.Locator($"#event-{adverse:n}");
        await Assertions.Expect(item.Locator(".event-status")).ToHaveTextAsync("Open");
        await item.Locator("summary", new() { HasText = "Follow up" }).ClickAsync();
        await item.GetByLabel("Note, dated today", new() { Exact = false }).FillAsync("Called: redness spreading, asked her to come in tomorrow.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" }).ClickAsync();
        await Assertions.Expect(item.Locator(".event-notes li")).ToHaveTextAsync([$"2026-11-25, {email}: Called: redness spreading, asked her to come in tomorrow."]);

        // Resolving with a date before the event is refused beside the date, and nothing is kept.
        await item.Locator("summary", new() { HasText = "Follow up" }).ClickAsync();
        await item.GetByLabel("Outcome, to resolve it", new() { Exact = false }).FillAsync("Settled with a cold compress");
        await item.GetByLabel("Resolved on").FillAsync("2026-11-20");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" }).ClickAsync();
        await Assertions.Expect(item.Locator("#resolved-on-error")).ToContainTextAsync("before the event (2026-11-23)");
        await Assertions.Expect(item.Locator(".event-status")).ToHaveTextAsync("Open");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ShouldFitAsync(page, 390);
        await item.GetByLabel("Resolved on").FillAsync("2026-11-25");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" }).ClickAsync();

        await Assertions.Expect(item.Locator(".event-status")).ToHaveTextAsync("Resolved on 2026-11-25: Settled with a cold compress");
        await Assertions.Expect(page.Locator("#open-events-count")).ToHaveTextAsync("None open.");
        await PageChecks.ScreenshotAsync(page, "staff-follow-up");
        await page.GotoAsync($"{fixture.BaseUrl}/signals");
        await Assertions.Expect(page.Locator("#open-events")).ToContainTextAsync("No adverse event is open");
    }

    [Fact]
    public async Task On_a_desktop_the_clinician_records_a_grade_and_lesion_counts_that_feed_the_chart_and_the_baseline_comparison()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (clinician, email, patient) = await ClinicData.ClinicianWithPatientAsync(http, "Outcome desk", "Farouk");
        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/outcomes",
            """{ "assessments": [{ "date": "2026-09-01", "qualitativeGrade": 3, "lesions": [{ "type": "moderate-atrophic", "count": 25 }] }] }""");
        var page = await ClinicData.SignedInPageAsync(fixture, email);
        await page.GotoAsync($"{fixture.BaseUrl}/patients/{patient}");
        var outcomes = page.Locator("#outcomes");
        await Assertions.Expect(outcomes.Locator("#improvement")).ToHaveCountAsync(0);

        await outcomes.Locator("summary", new() { HasText = "Record an assessment" }).ClickAsync();
        await outcomes.GetByLabel("2, mild", new() { Exact = false }).CheckAsync();
        await outcomes.GetByLabel("Moderately atrophic scars").FillAsync("many");
        await outcomes.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lesions-error")).ToContainTextAsync("Moderately atrophic scars:");
        await Assertions.Expect(page.Locator("#outcome-table tbody tr")).ToHaveCountAsync(1);

        await outcomes.GetByLabel("Moderately atrophic scars").FillAsync("8");
        await outcomes.GetByLabel("Papular scars").FillAsync("2");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await outcomes.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();

        // 8 moderate-atrophic (band 1 × weight 2) and 2 papular (band 1 × weight 2): 4 points against 6 at baseline.
        await Assertions.Expect(page.Locator("#outcome-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("svg.outcome-chart > title")).ToContainTextAsync("from 6 on 2026-09-01 to 4 on 2026-11-25");
        var improvement = page.Locator("#improvement");
        await Assertions.Expect(improvement).ToContainTextAsync("Qualitative grade 3 → 2: improved by 1 grade.");
        await Assertions.Expect(improvement).ToContainTextAsync("Quantitative score 6 → 4: 2 points lower (33.3 %).");
        await Assertions.Expect(improvement.Locator(".sources")).ToContainTextAsync("Goodman");
        await PageChecks.ScreenshotAsync(page, "staff-outcome-desktop");
    }
}
