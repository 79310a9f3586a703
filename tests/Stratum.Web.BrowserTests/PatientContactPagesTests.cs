using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>Phone, email and contact preference on the new-patient and edit pages, on a 390 px phone without JavaScript.</summary>
public sealed class PatientContactPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Front_desk_records_a_phone_as_dialled_corrects_a_bad_email_and_finds_the_patient_by_phone()
    {
        Assert.SkipWhen(fixture.Browser is null, fixture.Missing ?? "no browser");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var admin = await ClinicData.TokenAsync(http, StratumServer.AdminEmail, StratumServer.AdminPassword);
        var clinic = await ClinicData.ClinicAsync(http, admin, "Contacts");
        var (_, email) = await ClinicData.StaffAsync(http, admin, clinic, "front-desk");
        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ClinicData.SignInAsync(page, fixture.BaseUrl, email);

        await page.GotoAsync(fixture.BaseUrl + "/patients/new");
        await page.GetByLabel("Given name").FillAsync("Ada");
        await page.GetByLabel("Family name").FillAsync("Okafor");
        await page.GetByLabel("Date of birth").FillAsync("1985-11-30");
        await page.GetByLabel("Phone").FillAsync("07911 123456");
        await page.GetByLabel("Email").FillAsync("ada@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("is not an email address");
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("07911 123456");

        await page.GetByLabel("Email").FillAsync("Ada.Okafor@Example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ada Okafor");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "+44 7911 123456" })).ToHaveAttributeAsync("href", "tel:+447911123456");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ada.okafor@example.com" })).ToBeVisibleAsync();

        // Editing: the email removed, the patient says no to mail.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit name, birth date and contact" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("+44 7911 123456");
        await page.GetByLabel("Email").FillAsync("");
        await page.GetByLabel("Reminders and aftercare mail").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ada Okafor");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("no mail wanted");
        await Assertions.Expect(page.Locator(".facts")).Not.ToContainTextAsync("example.com");

        await page.GotoAsync(fixture.BaseUrl + "/patients");
        await page.GetByLabel("Search by name, phone, email").FillAsync("+44 7911 123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#patients tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#patients")).ToContainTextAsync("Okafor, Ada");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await PageChecks.ShouldLabelEveryInputAsync(page);
    }
}
