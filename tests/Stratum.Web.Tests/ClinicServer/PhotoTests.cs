using System.Net;
using System.Security.Cryptography;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkiaSharp;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Photos: only with photo consent, decoded and re-encoded without metadata, stored outside the database with their SHA-256.</summary>
public sealed class PhotoTests
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static ByteArrayContent Image(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new(type) } };

    /// <summary>A patient who signed a consent agreeing (or not) to photographs.</summary>
    private static async Task<Guid> PatientAsync(Clinic clinic, bool photos = true, string family = "Lindqvist")
    {
        var patient = (await (await clinic.FrontDesk.PostJsonAsync("/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "Maja", "birthDate": "1991-04-02" }""")).JsonAsync())["id"]!.GetValue<Guid>();
        await ConsentAsync(clinic, patient, photos);
        return patient;
    }

    private static async Task ConsentAsync(Clinic clinic, Guid patient, bool photos) =>
        (await clinic.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", $$"""{ "formVersion": "stratum-1", "signedBy": "Maja Lindqvist", "photoConsent": {{(photos ? "true" : "false")}} }""")).EnsureSuccessStatusCode();

    private static string StoredFile(ClinicServer server) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "photos"), "*", SearchOption.AllDirectories).Single(f => !f.EndsWith(".thumbnail", StringComparison.Ordinal));

    [Theory, ClassData(typeof(Providers))]
    public async Task A_photo_is_served_as_stored_and_refused_once_its_file_changed(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var uploaded = await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos?zone=cheeks&stage=before", Image(Png, "image/png"), ClinicServer.Cancel);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var body = await uploaded.JsonAsync();
        var path = $"/api/patients/{patient}/photos/{body["id"]!.GetValue<Guid>()}";
        var served = await clinic.FrontDesk.GetByteArrayAsync(path, ClinicServer.Cancel);
        Convert.ToHexStringLower(SHA256.HashData(served)).ShouldBe(body["sha256"]!.GetValue<string>());
        using (var decoded = SKBitmap.Decode(served))
        {
            (decoded.Width, decoded.Height).ShouldBe((1, 1));
        }

        var file = StoredFile(server);
        await File.WriteAllBytesAsync(file, [.. served, 0], ClinicServer.Cancel);
        (await clinic.FrontDesk.GetAsync(path, ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Exif_and_gps_of_an_uploaded_jpeg_never_reach_storage_and_the_photo_is_stored_upright(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var original = ExifJpeg.Make(width: 40, height: 20, orientation: 6);
        ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>().ShouldHaveSingleItem("the test photo carries a GPS position");

        var uploaded = await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos?zone=cheeks", Image(original, "image/jpeg"), ClinicServer.Cancel);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(ClinicServer.Cancel));
        var stored = await File.ReadAllBytesAsync(StoredFile(server), ClinicServer.Cancel);
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        metadata.OfType<GpsDirectory>().ShouldBeEmpty();
        metadata.OfType<ExifDirectoryBase>().ShouldBeEmpty();
        metadata.Select(d => d.Name).ShouldNotContain("XMP");
        var view = await uploaded.JsonAsync();
        (view["width"]!.GetValue<int>(), view["height"]!.GetValue<int>()).ShouldBe((20, 40), "orientation 6 is a photo turned a quarter: it is stored turned back");
        using var thumbnail = SKBitmap.Decode(await clinic.FrontDesk.GetByteArrayAsync($"/api/patients/{patient}/photos/{view["id"]}/thumbnail", ClinicServer.Cancel));
        (thumbnail.Width, thumbnail.Height).ShouldBe((20, 40), "a photo smaller than a thumbnail is not enlarged");
    }

    [Fact]
    public async Task A_large_photo_gets_a_thumbnail_at_most_320_pixels_across()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);
        var photo = (await (await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos", Image(ExifJpeg.Make(1600, 1200, orientation: 1), "image/jpeg"), ClinicServer.Cancel)).JsonAsync())["id"];

        using var thumbnail = SKBitmap.Decode(await clinic.FrontDesk.GetByteArrayAsync($"/api/patients/{patient}/photos/{photo}/thumbnail", ClinicServer.Cancel));

        (thumbnail.Width, thumbnail.Height).ShouldBe((320, 240));
    }

    [Fact]
    public async Task Photos_need_photo_consent_and_are_withheld_once_a_later_consent_refuses_them()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var refusing = await PatientAsync(clinic, photos: false, family: "Okafor");
        var refused = await clinic.Clinician.PostAsync($"/api/patients/{refusing}/photos", Image(Png, "image/png"), ClinicServer.Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.JsonAsync())["rule"]!.GetValue<string>().ShouldBe("PH-NO-PHOTO-CONSENT");

        var patient = await PatientAsync(clinic);
        var photo = (await (await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos", Image(Png, "image/png"), ClinicServer.Cancel)).JsonAsync())["id"];
        (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}/photos/{photo}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Clock.Advance(TimeSpan.FromMinutes(20));
        await ConsentAsync(clinic, patient, photos: false);

        (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}/photos/{photo}", ClinicServer.Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await clinic.FrontDesk.GetAsync($"/api/patients/{patient}/photos", ClinicServer.Cancel)).JsonAsync()).AsArray().ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_outcome_assessment_keeps_the_photos_it_was_made_from_and_refuses_another_patients_photo(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var clinic = await server.CreateClinicAsync("North");
        var maja = await PatientAsync(clinic);
        var ines = await PatientAsync(clinic, family: "Okafor");
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
    [InlineData("text/plain", "iVBORw0KGgo=", "Content-Type", "not a photo")]
    [InlineData("image/png", "/9j/4AAQSkZJRg==", "$", "not an image")]
    [InlineData("image/heic", "AAAAGGZ0eXBoZWljAAAAAG1pZjFoZWlj", "$", "JPEG")]
    public async Task Something_that_is_not_a_photo_is_refused_naming_why(string type, string base64, string field, string why)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var clinic = await server.CreateClinicAsync("North");
        var patient = await PatientAsync(clinic);

        var response = await clinic.Clinician.PostAsync($"/api/patients/{patient}/photos", Image(Convert.FromBase64String(base64), type), ClinicServer.Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]![field]![0]!.GetValue<string>().ShouldContain(why);
    }
}
