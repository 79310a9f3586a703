using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// The public pages (DESIGN §6) in a real Chromium: each flow from the form to the answer, with a screenshot of the
/// answer at desktop (1280 px) and phone (390 px) width in artifacts/screenshots/.
/// </summary>
public sealed class PublicPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Self_check_offers_only_the_answers_a_condition_can_have_and_refuses_a_crafted_controlled_pregnancy()
    {
        var page = await OpenAsync("/self-check");
        await Assertions.Expect(page.Locator("#condition-pregnancy option")).ToHaveTextAsync(["No", "Yes, now", "Only in the past"]);
        await Assertions.Expect(page.Locator("#condition-sunburn option[value=controlled]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#condition-eczema option[value=controlled]")).ToHaveTextAsync("Yes, but it is under control");

        // A POST the page never offers, as a script or an old bookmark could send: an error beside the question, never a verdict.
        await page.EvalOnSelectorAsync("#condition-pregnancy", "s => { s.add(new Option('Yes, but it is under control', 'controlled')); s.value = 'controlled'; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#condition-pregnancy-error")).ToContainTextAsync("Choose one of the answers offered: Yes, now, Only in the past, or No.");
        await Assertions.Expect(page.Locator("#verdict")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Self_check_without_javascript_defers_isotretinoin_until_a_date_with_its_reason()
    {
        var page = await OpenAsync("/self-check", javaScript: false);
        await page.GetByLabel("Have you taken isotretinoin tablets for acne").SelectOptionAsync("stopped");
        await page.Locator("#last-dose-isotretinoin").FillAsync("2026-08-01");
        await page.GetByLabel("Do you have cold sores now, or have you had them?").SelectOptionAsync("history");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var verdict = page.Locator("#verdict");
        await Assertions.Expect(verdict.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Not now: wait");
        await Assertions.Expect(verdict).ToContainTextAsync("Wait until Monday 1 February 2027 (2027-02-01)");
        await Assertions.Expect(verdict).ToContainTextAsync("Isotretinoin now or within the last 6 months");
        await Assertions.Expect(verdict).ToContainTextAsync("Cold sores in the past");
        (await verdict.Locator("details.sources").CountAsync()).ShouldBeGreaterThan(0);
        (await page.InnerTextAsync("body")).ShouldNotContain("CI-ISOTRETINOIN");
        await Assertions.Expect(page.GetByLabel("Do you have cold sores now, or have you had them?")).ToHaveValueAsync("history");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "self-check");
    }

    [Fact]
    public async Task Aftercare_highlights_retinol_with_its_reason_and_says_from_when_the_product_is_usable()
    {
        var page = await OpenAsync("/aftercare");
        await page.GetByLabel("When was your treatment?").FillAsync("2026-11-25T09:00");
        await page.Locator("#name-1").FillAsync("Night serum");
        await page.Locator("#inci-1").FillAsync("Aqua, Glycerin, Retinol, Sodium Hyaluronate, Tocopherol");
        await page.Locator("#name-2").FillAsync("Hydrating gel");
        await page.Locator("#inci-2").FillAsync("Aqua, Sodium Hyaluronate, Panthenol, Ceramide NP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var routine = page.Locator("#routine table");
        await Assertions.Expect(routine.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(routine.Locator("tr", new() { HasText = "Night serum" })).ToContainTextAsync("Saturday 28 Nov, 09:00");
        await Assertions.Expect(routine.Locator("tr", new() { HasText = "Hydrating gel" })).ToContainTextAsync("Fine to use");

        var serum = page.Locator("#product-1");
        await Assertions.Expect(serum.Locator(".inci mark")).ToHaveTextAsync("Retinol (avoid)");
        await Assertions.Expect(serum).ToContainTextAsync("Usable from Saturday 28 Nov, 09:00.");
        await Assertions.Expect(serum.Locator(".findings")).ToContainTextAsync("Retinoids irritate");
        await PageChecks.ShouldLabelEveryInputAsync(page);

        // On a phone the routine is one card per product, "Because of" readable instead of clipped.
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ShouldFitAsync(page, 390);
        var because = routine.Locator("tr", new() { HasText = "Night serum" }).Locator("td[data-label='Because of']");
        await Assertions.Expect(because).ToHaveTextAsync("Retinol");
        (await because.BoundingBoxAsync())!.X.ShouldBeLessThan(390 - 60, "the cell starts on screen");
        await PageChecks.ScreenshotAsync(page, "aftercare");
    }

    [Fact]
    public async Task Aftercare_never_says_fine_about_a_list_it_cannot_read_and_names_what_to_check()
    {
        var page = await OpenAsync("/aftercare");
        await page.GetByLabel("When was your treatment?").FillAsync("2026-11-10T09:00");
        await page.Locator("#inci-1").FillAsync("Aqua, asdf qwerty, Vitamin C, RETIN0L");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var product = page.Locator("#product-1");
        await Assertions.Expect(product.GetByRole(AriaRole.Heading, new() { Level = 2 })).Not.ToContainTextAsync("Fine to use");
        await Assertions.Expect(product.Locator(".inci mark.unknown")).ToHaveTextAsync("asdf qwerty (not recognised)");
        await Assertions.Expect(product.Locator(".inci")).ToContainTextAsync("RETIN0L (read as Retinol)");
        await Assertions.Expect(product.Locator(".unrecognised")).ToContainTextAsync("Not recognised: asdf qwerty. Check these yourself");
        await Assertions.Expect(product).ToContainTextAsync("Not known to be fine");
        await PageChecks.ScreenshotAsync(page, "aftercare-unrecognised");
    }

    [Fact]
    public async Task Triage_with_pus_a_day_after_treatment_says_get_care_today_and_marks_the_inflammation_phase()
    {
        var page = await OpenAsync("/triage");
        await page.GetByLabel("How long ago?").FillAsync("30");
        await page.GetByLabel("Redness", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Yellow or green fluid (pus)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Redness: changing?").SelectOptionAsync("worsening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var answer = page.Locator("#urgency");
        await Assertions.Expect(answer.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Get medical care today");
        await Assertions.Expect(answer).ToContainTextAsync("30 hours after treatment");
        var current = answer.Locator(".timeline li[aria-current=step]");
        await Assertions.Expect(current).ToContainTextAsync("Inflammation");
        await Assertions.Expect(current).ToContainTextAsync("You are here");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "triage");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_phone_the_emergency_answer_is_brought_into_view_and_focused_after_check(bool javaScript)
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/triage");
        await page.GetByLabel("How long ago?").FillAsync("2");
        await page.GetByLabel("Difficulty breathing or swallowing", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Swelling of the lips, eyes or face", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var answer = page.Locator("#urgency");
        await Assertions.Expect(answer.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Emergency: call 112 / 911 now");
        await Assertions.Expect(answer.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeInViewportAsync();
        if (javaScript)
        {
            await Assertions.Expect(answer).ToBeFocusedAsync();
        }

        await PageChecks.ShouldFitAsync(page, 390);
    }

    [Fact]
    public async Task A_heading_focused_on_arrival_shows_no_focus_box_while_a_focused_link_keeps_its_ring()
    {
        var page = await OpenAsync("/triage");
        await page.Locator("h1").FocusAsync();
        var heading = await page.Locator("h1").EvaluateAsync<string>("h => { const s = getComputedStyle(h); return s.outlineStyle + ' ' + s.boxShadow; }");
        heading.ShouldBe("none none");

        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        ring.ShouldBe("solid", "keyboard focus stays visible");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Triage_questions_line_up_the_details_under_their_symptom_and_the_labels_of_a_row(int width)
    {
        var page = await OpenAsync("/triage");
        await page.SetViewportSizeAsync(width, 900);
        await page.GetByLabel("Yellow or green fluid (pus)", new() { Exact = true }).CheckAsync();

        var lefts = await page.EvaluateAsync<double[]>("""
            () => {
                const box = document.querySelector('#symptom-pus');
                const range = document.createRange();
                range.selectNodeContents(box.parentElement);
                range.setStartAfter(box);
                return [range.getBoundingClientRect().left + 0, document.querySelector('label[for=trend-pus]').getBoundingClientRect().left];
            }
            """);
        lefts[1].ShouldBe(lefts[0], 1.5, "'changing?' starts where the symptom's words start");
        if (width > 600)
        {
            var since = (await page.Locator("label[for=since]").BoundingBoxAsync())!;
            var unit = (await page.Locator("label[for=unit]").BoundingBoxAsync())!;
            unit.Y.ShouldBe(since.Y, 1.0, "the labels of one row sit on one line");
        }
    }

    [Fact]
    public async Task Bad_input_shows_a_message_at_the_field_and_keeps_what_was_typed()
    {
        var page = await OpenAsync("/aftercare");
        await page.GetByLabel("When was your treatment?").FillAsync("2026-11-26T09:00");
        await page.Locator("#inci-1").FillAsync("Aqua, Retinol");
        await page.Locator("#avoid").FillAsync("Linalool");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        await Assertions.Expect(page.Locator("#treated-at-error")).ToContainTextAsync("in the future");
        await Assertions.Expect(page.Locator("#treated-at")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#treated-at")).ToHaveValueAsync("2026-11-26T09:00");
        await Assertions.Expect(page.Locator("#inci-1")).ToHaveValueAsync("Aqua, Retinol");
        await Assertions.Expect(page.Locator("#avoid")).ToHaveValueAsync("Linalool");

        var selfCheck = await OpenAsync("/self-check");
        await selfCheck.GetByLabel("Your age").FillAsync("thirty");
        await selfCheck.GetByLabel("Are you pregnant?").SelectOptionAsync("active");
        await selfCheck.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(selfCheck.Locator("#age-error")).ToContainTextAsync("whole years");
        await Assertions.Expect(selfCheck.GetByLabel("Your age")).ToHaveValueAsync("thirty");
        await Assertions.Expect(selfCheck.GetByLabel("Are you pregnant?")).ToHaveValueAsync("active");
        await PageChecks.ScreenshotAsync(page, "aftercare-bad-input");
    }

    private async Task<IPage> OpenAsync(string path, bool javaScript = true)
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }
}
