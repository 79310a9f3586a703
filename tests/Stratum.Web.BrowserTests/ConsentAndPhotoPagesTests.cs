using Microsoft.Playwright;
using SkiaSharp;

namespace Stratum.Web.BrowserTests;

/// <summary>
/// /patients/{id}/consent and the photos (DESIGN §6): the patient reads the current form and signs it (typed name and
/// ticks without JavaScript, a drawn signature with it); photos are uploaded on the patient page and compared side by side.
/// </summary>
public sealed class ConsentAndPhotoPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_without_javascript_the_patient_ticks_each_statement_and_types_their_name_to_sign()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (_, email, patient) = await ClinicData.ClinicianWithPatientAsync(http, "Consent phone", "Haddad");
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);
        await page.GotoAsync($"{fixture.BaseUrl}/patients/{patient}");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("No signed consent on record");

        await page.GetByRole(AriaRole.Link, new() { Name = "Read and sign the consent form" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Consent to microneedling (collagen induction therapy)");
        await Assertions.Expect(page.Locator("#consent-text")).ToContainTextAsync("isotretinoin in the last six months");
        await Assertions.Expect(page.Locator("[data-signature-pad]")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Name of the person signing", new() { Exact = false })).ToHaveValueAsync("Noor Haddad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statements-error")).ToContainTextAsync("Tick each statement");

        foreach (var box in await page.Locator("input[id^=statement-]").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.GetByLabel("I agree to photographs").CheckAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await PageChecks.ShouldLabelEveryInputAsync(page);
        await PageChecks.ScreenshotAsync(page, "staff-consent-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }).ClickAsync();

        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("Form stratum-1 (current)");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("typed name");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("photographs agreed");
        var pdfLink = await page.GetByRole(AriaRole.Link, new() { Name = "Signed form (PDF)" }).GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync($"{fixture.BaseUrl}/{pdfLink}");
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        (await pdf.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task With_javascript_on_a_desktop_the_patient_draws_a_signature_that_the_signed_form_keeps()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (_, email, patient) = await ClinicData.ClinicianWithPatientAsync(http, "Consent desk", "Farouk");
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);
        await page.GotoAsync($"{fixture.BaseUrl}/patients/{patient}/consent");

        var pad = page.Locator("#signature-canvas");
        await Assertions.Expect(pad).ToBeVisibleAsync();
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 40);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 120, box.Y + 90, new() { Steps = 8 });
        await page.Mouse.MoveAsync(box.X + 220, box.Y + 30, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#signature-png")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        foreach (var statement in await page.Locator("input[id^=statement-]").AllAsync())
        {
            await statement.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }).ClickAsync();

        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("drawn signature");
        await Assertions.Expect(page.Locator("#consents")).ToContainTextAsync("photographs not agreed");
        await Assertions.Expect(page.Locator("#photos")).ToContainTextAsync("No photo consent");
    }

    [Fact]
    public async Task A_clinician_uploads_before_and_after_photos_and_compares_the_first_and_latest_with_their_scores()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (clinician, email, patient) = await ClinicData.ClinicianWithPatientAsync(http, "Compare", "Osei");
        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "Noor Osei", "photoConsent": true }""");
        var page = await ClinicData.SignedInPageAsync(fixture, email);
        await page.GotoAsync($"{fixture.BaseUrl}/patients/{patient}");

        foreach (var (stage, shade) in new[] { ("before", (byte)60), ("after", (byte)200) })
        {
            await page.Locator("#photos summary").ClickAsync();
            await page.GetByLabel("Photo (JPEG", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = $"{stage}.jpg", MimeType = "image/jpeg", Buffer = Jpeg(shade) });
            await page.Locator("#photo-zone").SelectOptionAsync("cheeks");
            await page.GetByLabel("Taken").SelectOptionAsync(stage);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload the photo" }).ClickAsync();
            await Assertions.Expect(page.Locator(".photo-grid li").Filter(new() { HasText = stage })).ToHaveCountAsync(1);
        }

        await ClinicData.PostAsync(http, clinician, $"/api/patients/{patient}/outcomes", """{ "assessments": [{ "date": "2026-11-25", "qualitativeGrade": 3, "lesions": [{ "type": "moderate-atrophic", "count": 10 }] }] }""");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare before and after" }).ClickAsync();

        var figures = page.Locator(".compare figure");
        await Assertions.Expect(figures).ToHaveCountAsync(2);
        await Assertions.Expect(figures.Nth(0)).ToContainTextAsync("First: 2026-11-25, before treatment");
        await Assertions.Expect(figures.Nth(1)).ToContainTextAsync("Latest: 2026-11-25, after treatment");
        await Assertions.Expect(figures.Nth(0)).ToContainTextAsync("Goodman & Baron: grade 3, score ");
        (await figures.Nth(1).Locator("img").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(64, "the photo loads");
        await PageChecks.ScreenshotAsync(page, "staff-compare");
    }

    private static byte[] Jpeg(byte shade)
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(new SKColor(shade, 110, 90));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}
