using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>A patient's phone, email and contact preference (DESIGN §5, second wave): normalised, searchable, validated, scoped.</summary>
public sealed class PatientContactTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_phone_typed_as_dialled_is_stored_in_E164_and_found_however_it_is_typed(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var created = await (await north.FrontDesk.PostAsJsonAsync("/api/patients",
            new { familyName = "Lindqvist", givenName = "Maja", birthDate = "1991-04-02", phone = "07911 123456", email = " Maja.Lindqvist@Example.COM " }, ClinicServer.Cancel)).JsonAsync();
        created["phone"]!.GetValue<string>().ShouldBe("+447911123456");
        created["email"]!.GetValue<string>().ShouldBe("maja.lindqvist@example.com");
        created["contactPreference"]!.GetValue<string>().ShouldBe("email", "an email given without a preference means aftercare mail goes to it");
        await PagingTests.PatientAsync(north, "Okafor", "Ada", "1985-11-30");

        async Task<string[]> Found(string q) => [.. (await (await north.FrontDesk.GetAsync($"/api/patients?q={Uri.EscapeDataString(q)}", ClinicServer.Cancel)).JsonAsync())
            ["items"]!.AsArray().Select(p => p!["familyName"]!.GetValue<string>())];

        (await Found("+44 7911 123456")).ShouldBe(["Lindqvist"]);
        (await Found("(07911) 123-456")).ShouldBe(["Lindqvist"]);
        (await Found("123456")).ShouldBe(["Lindqvist"], "the last digits of a number find it");
        (await Found("MAJA.LINDQVIST@example.com")).ShouldBe(["Lindqvist"]);
        (await Found("someone@example.com")).ShouldBeEmpty();

        var south = await server.CreateClinicAsync("South");
        var other = await (await south.FrontDesk.GetAsync("/api/patients?q=%2B447911123456", ClinicServer.Cancel)).JsonAsync();
        other["total"]!.GetValue<int>().ShouldBe(0, "another clinic's patient is never found by phone");
    }

    [Theory]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "phone": "12" }""", "phone")]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "phone": "call me" }""", "phone")]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "email": "maja@" }""", "email")]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "email": "Maja <maja@example.com>" }""", "email")]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "contactPreference": "email" }""", "contactPreference")]
    [InlineData("""{ "familyName": "A", "givenName": "B", "birthDate": "1990-01-01", "contactPreference": "sms" }""", "contactPreference")]
    public async Task A_malformed_phone_or_email_or_a_preference_without_an_address_is_a_400_naming_the_field(string body, string field)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var response = await north.FrontDesk.PostJsonAsync("/api/patients", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe([$"$.{field}"]);
        (await (await north.FrontDesk.GetAsync("/api/patients", ClinicServer.Cancel)).JsonAsync())["total"]!.GetValue<int>().ShouldBe(0, "nothing is half-written");
    }

    [Fact]
    public async Task An_update_changes_the_contact_and_null_removes_it_and_the_preference_follows_the_address()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        var created = await (await north.FrontDesk.PostAsJsonAsync("/api/patients",
            new { familyName = "Lindqvist", givenName = "Maja", birthDate = "1991-04-02", email = "maja@example.com" }, ClinicServer.Cancel)).JsonAsync();
        var id = created["id"]!.GetValue<Guid>();

        async Task<JsonNode> Read() => await (await north.FrontDesk.GetAsync($"/api/patients/{id}", ClinicServer.Cancel)).JsonAsync();

        var phoned = await north.FrontDesk.PutAsJsonAsync($"/api/patients/{id}", new { version = (await Read())["version"]!.GetValue<Guid>(), phone = "+1 415 555 2671" }, ClinicServer.Cancel);
        phoned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var record = await Read();
        record["phone"]!.GetValue<string>().ShouldBe("+14155552671");
        record["email"]!.GetValue<string>().ShouldBe("maja@example.com", "a field left out is kept");
        record["contactPreference"]!.GetValue<string>().ShouldBe("email");

        var removed = await north.FrontDesk.PutJsonAsync($"/api/patients/{id}", $$"""{ "version": "{{record["version"]}}", "email": null }""");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        record = await Read();
        record["email"].ShouldBeNull();
        record["contactPreference"]!.GetValue<string>().ShouldBe("none", "without an address nothing can be mailed");

        var future = await north.FrontDesk.PutJsonAsync($"/api/patients/{id}", $$"""{ "version": "{{record["version"]}}", "birthDate": "2030-01-01" }""");
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.JsonAsync())["errors"]!["$.birthDate"].ShouldNotBeNull();

        var south = await server.CreateClinicAsync("South");
        (await south.FrontDesk.PutJsonAsync($"/api/patients/{id}", $$"""{ "version": "{{record["version"]}}", "phone": "+14155552671" }""")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
