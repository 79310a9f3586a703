using System.Net;
using System.Security.Cryptography;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Photos are stored outside the database with their SHA-256; a changed file is never served.</summary>
public sealed class PhotoTests
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static ByteArrayContent Image(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new(type) } };

    [Theory, ClassData(typeof(Providers))]
    public async Task A_photo_is_served_as_stored_and_refused_once_its_file_changed(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();

        var uploaded = await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos?zone=cheeks", Image(Png, "image/png"), ClinicServer.Cancel);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await uploaded.JsonAsync();
        body["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Png)));
        var path = $"/api/patients/{patient}/photos/{body["id"]!.GetValue<Guid>()}";
        (await clinic.FrontDesk.GetByteArrayAsync(path, ClinicServer.Cancel)).ShouldBe(Png);

        var file = Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "photos"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        await File.WriteAllBytesAsync(file, [.. Png, 0], ClinicServer.Cancel);
        (await clinic.FrontDesk.GetAsync(path, ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_outcome_assessment_keeps_the_photos_it_was_made_from_and_refuses_another_patients_photo(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var maja = (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();
        var ines = (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Okafor", "givenName": "Ines", "birthDate": "1990-05-17" }""")).JsonAsync())["id"]!.GetValue<Guid>();
        async Task<Guid> UploadAsync(Guid patient) =>
            (await (await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos?zone=cheeks", Image(Png, "image/png"), ClinicServer.Cancel)).JsonAsync())["id"]!.GetValue<Guid>();
        var majaPhoto = await UploadAsync(maja);
        var inesPhoto = await UploadAsync(ines);

        var foreign = await clinic.Clinician.PostJsonAsync($"/api/patients/{maja}/outcomes", $$"""{ "qualitativeGrade": 3, "photoIds": ["{{majaPhoto}}", "{{inesPhoto}}"] }""");
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.JsonAsync())["errors"]!["$.photoIds"]![0]!.GetValue<string>().ShouldContain(inesPhoto.ToString());

        var kept = await clinic.Clinician.PostJsonAsync($"/api/patients/{maja}/outcomes", $$"""{ "qualitativeGrade": 3, "photoIds": ["{{majaPhoto}}"] }""");
        kept.StatusCode.ShouldBe(HttpStatusCode.Created, await kept.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var record = await (await clinic.FrontDesk.GetAsync($"/api/patients/{maja}", ClinicServer.Cancel)).JsonAsync();
        record["outcomes"]!.AsArray().ShouldHaveSingleItem()!["photoIds"]!.AsArray().Select(p => p!.GetValue<Guid>()).ShouldBe([majaPhoto]);
    }

    [Theory]
    [InlineData("text/plain", "iVBORw0KGgo=", "Content-Type")]
    [InlineData("image/png", "/9j/4AAQSkZJRg==", "$")]
    public async Task Something_that_is_not_a_photo_is_refused_naming_why(string type, string base64, string field)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", """{ "familyName": "Lindqvist", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();

        var response = await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos", Image(Convert.FromBase64String(base64), type), ClinicServer.Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]![field].ShouldNotBeNull();
    }
}
