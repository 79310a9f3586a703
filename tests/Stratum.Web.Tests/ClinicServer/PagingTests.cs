using System.Net;
using System.Text.Json.Nodes;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Answers that do not grow with the clinic's history: the paged patient list and its search, signals by period, lot sessions by page and as CSV.</summary>
public sealed class PagingTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_patient_list_comes_in_name_order_pages_and_next_leads_to_the_last_page(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        var south = await server.CreateClinicAsync("South");
        string[] families = ["Walsh", "okafor", "Lindqvist", "Haddad", "Novak", "Moreau", "Tanaka"];
        foreach (var family in families)
        {
            await PatientAsync(north, family, "Maja", "1991-04-02");
        }

        await PatientAsync(south, "Andersson", "Maja", "1991-04-02");

        var names = new List<string>();
        var path = "/api/patients?pageSize=3";
        var pages = new List<JsonNode>();
        while (path is not null)
        {
            var page = await (await north.FrontDesk.GetAsync(path, ClinicServer.Cancel)).JsonAsync();
            pages.Add(page);
            page["total"]!.GetValue<int>().ShouldBe(7, "the other clinic's patient is not counted");
            names.AddRange(page["items"]!.AsArray().Select(p => p!["familyName"]!.GetValue<string>()));
            path = page["next"] is { } next ? $"/api/patients?pageSize=3&after={Uri.EscapeDataString(next.GetValue<string>())}" : null;
        }

        pages.Select(p => p["items"]!.AsArray().Count).ShouldBe([3, 3, 1]);
        names.ShouldBe(families.Order(StringComparer.OrdinalIgnoreCase).ToList(), "name order ignores case");

        // ?page= numbers give the same pages as following next.
        var second = await (await north.FrontDesk.GetAsync("/api/patients?pageSize=3&page=2", ClinicServer.Cancel)).JsonAsync();
        second["page"]!.GetValue<int>().ShouldBe(2);
        second["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe(pages[1]["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Search_finds_patients_by_the_words_of_their_name_in_any_order_or_by_birth_date()
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");
        await PatientAsync(north, "Lindqvist", "Maja", "1991-04-02");
        await PatientAsync(north, "Lindholm", "Erik", "1985-11-30");
        await PatientAsync(north, "Okafor", "Maja", "1985-11-30");

        async Task<string[]> Found(string q) => [.. (await (await north.FrontDesk.GetAsync($"/api/patients?q={Uri.EscapeDataString(q)}", ClinicServer.Cancel)).JsonAsync())
            ["items"]!.AsArray().Select(p => $"{p!["familyName"]} {p["givenName"]}")];

        (await Found("maja LIND")).ShouldBe(["Lindqvist Maja"]);
        (await Found("lind")).ShouldBe(["Lindholm Erik", "Lindqvist Maja"]);
        (await Found("1985-11-30")).ShouldBe(["Lindholm Erik", "Okafor Maja"]);
        (await Found("Nobody")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/patients?pageSize=0", "pageSize")]
    [InlineData("/api/patients?pageSize=201", "pageSize")]
    [InlineData("/api/patients?page=two", "page")]
    [InlineData("/api/patients?after=not-a-cursor", "after")]
    [InlineData("/api/signals?from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("/api/signals?from=2024-01-01&to=2026-11-01", "from")]
    [InlineData("/api/signals?to=yesterday", "to")]
    [InlineData("/api/lots/LOT-A/sessions?pageSize=501", "pageSize")]
    [InlineData("/api/lots/LOT-A/sessions?format=xml", "format")]
    public async Task A_bad_paging_parameter_is_a_400_naming_it(string path, string field)
    {
        await using var server = await ClinicServer.StartAsync(DatabaseProvider.Sqlite);
        var north = await server.CreateClinicAsync("North");

        var response = await north.ClinicAdmin.GetAsync(path, ClinicServer.Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field]);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Lot_sessions_come_in_pages_with_their_totals_and_all_of_them_as_csv_for_the_letters(DatabaseProvider provider)
    {
        await using var server = await ClinicServer.StartAsync(provider);
        var north = await server.CreateClinicAsync("North");
        (await north.Clinician.PostJsonAsync("/api/lots", """{ "lotNumber": "LOT-A", "product": "36-needle cartridge", "expiry": "2027-06-30" }""")).EnsureSuccessStatusCode();
        var patients = new[] { await PatientAsync(north, "Lindqvist", "Maja", "1991-04-02"), await PatientAsync(north, "=HYPERLINK(\\\"http://x\\\")", "Eve", "1990-01-01") };
        foreach (var (patient, i) in patients.Select((p, i) => (p, i)))
        {
            (await north.Clinician.PostJsonAsync($"/api/patients/{patient}/screenings", """{ "setting": "clinic", "age": 34, "fitzpatrick": 3, "indication": "acne-scars", "zones": ["cheeks"] }""")).EnsureSuccessStatusCode();
            (await north.FrontDesk.PostJsonAsync($"/api/patients/{patient}/consents", """{ "formVersion": "stratum-1", "signedBy": "the patient", "photoConsent": true }""")).EnsureSuccessStatusCode();
            foreach (var date in new[] { "2026-10-01", "2026-11-20" })
            {
                var session = await north.Clinician.PostJsonAsync($"/api/patients/{patient}/sessions", $$"""
                    { "date": "{{date}}", "indication": "acne-scars", "zones": [{ "zone": "cheeks", "depthMm": 1.0, "passes": 2 }],
                      "device": { "make": "SkinPen", "model": "Precision", "needleConfiguration": "14-needle" },
                      "lot": { "number": "LOT-A", "expiry": "2027-06-30" }, "overrideReason": "test data" }
                    """);
                session.StatusCode.ShouldBe(HttpStatusCode.Created, await session.Content.ReadAsStringAsync(ClinicServer.Cancel));
            }
        }

        var page = await (await north.ClinicAdmin.GetAsync("/api/lots/LOT-A/sessions?pageSize=3&page=2", ClinicServer.Cancel)).JsonAsync();
        page["total"]!.GetValue<int>().ShouldBe(4);
        page["patients"]!.GetValue<int>().ShouldBe(2);
        page["items"]!.AsArray().ShouldHaveSingleItem()!["date"]!.GetValue<string>().ShouldBe("2026-11-20", "oldest first: the fourth is the last of the later day");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/lots/LOT-A/sessions") { Headers = { { "Accept", "text/csv" } } };
        var csv = await north.ClinicAdmin.SendAsync(request, ClinicServer.Cancel);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync(ClinicServer.Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("session_date,family_name,given_name,patient_id,session_id,lot_expiry,phone,email");
        lines.Length.ShouldBe(5, "a header and every session");
        lines.Count(l => l.StartsWith("2026-10-01,Lindqvist,Maja,", StringComparison.Ordinal)).ShouldBe(1);
        lines.Where(l => l.Contains("HYPERLINK", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains(",\"'=HYPERLINK", StringComparison.Ordinal), "a formula-like name stays text in a spreadsheet");
    }

    internal static async Task<Guid> PatientAsync(Clinic clinic, string family, string given, string born)
    {
        var response = await clinic.FrontDesk.PostJsonAsync("/api/patients", $$"""{ "familyName": "{{family}}", "givenName": "{{given}}", "birthDate": "{{born}}" }""");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ClinicServer.Cancel));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }
}
