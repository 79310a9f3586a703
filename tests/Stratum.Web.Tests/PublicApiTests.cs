using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stratum.Core.Json;
using Stratum.Core.Knowledge;
using Stratum.Core.Screening;

namespace Stratum.Web.Tests;

public sealed class StratumFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stratum-public-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Stratum:DataDirectory", _directory.FullName);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

public sealed class PublicApiTests(StratumFactory factory) : IClassFixture<StratumFactory>
{
    private const string DesignExample = """
        { "setting": "clinic", "date": "2026-11-25", "age": 34, "fitzpatrick": 3,
          "indication": "acne-scars", "zones": ["cheeks", "forehead"],
          "conditions":  [{ "code": "herpes-labialis", "status": "history" }],
          "medications": [{ "code": "isotretinoin", "lastDose": "2026-08-01" }],
          "allergies":   ["topical-anesthetic"],
          "procedures":  [{ "code": "microneedling", "date": "2026-11-01" }],
          "device": { "needleLengthMm": 1.5, "mechanism": "motorized", "sterile": true, "singleUse": true } }
        """;

    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Health_answers_200()
    {
        var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Openapi_document_lists_the_public_endpoints_and_the_reference_page_is_served()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        new[] { "/api/screen", "/api/plan", "/api/schedule", "/api/aftercare", "/api/aftercare/routine", "/api/triage", "/api/score", "/api/device", "/api/auth/login", "/api/patients/{id}" }
            .ShouldBeSubsetOf(paths);
        document["paths"]!["/api/screen"]!["post"]!["requestBody"].ShouldNotBeNull();
        document["paths"]!["/api/screen"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"].ShouldNotBeNull();
        (await _client.GetAsync("/docs/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_has_stratums_title_short_operation_names_and_a_bearer_token_on_staff_endpoints()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        document["info"]!["title"]!.GetValue<string>().ShouldBe("Stratum API");
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        var follow = document["paths"]!["/api/patients/{id}/adverse-events/{eventId}"]!["put"]!;
        follow["summary"]!.GetValue<string>().ShouldBe("Follow up adverse event");
        follow["description"]!.GetValue<string>().ShouldStartWith("Follow up an adverse event: { version, note?");
        follow["security"]!.AsArray().ShouldHaveSingleItem()!.AsObject().Select(r => r.Key).ShouldBe(["Bearer"]);
        document["paths"]!["/api/screen"]!["post"]!["security"].ShouldBeNull("the public checks need no token");
        var summaries = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["summary"]?.GetValue<string>() ?? p.Key)).ToList();
        summaries.ShouldAllBe(s => s.Length <= 40 && !s.Contains(':'), "an operation's name is a few words; the explanation is its description");
    }

    [Fact]
    public async Task The_reference_page_hides_the_developer_tools_and_the_ai_agent_and_loads_no_outside_fonts()
    {
        var html = await _client.GetStringAsync("/docs/", TestContext.Current.CancellationToken);

        html.ShouldContain("<title>Stratum API</title>");
        html.ShouldContain("\"showDeveloperTools\":\"never\"");
        html.ShouldContain("\"agent\":{\"disabled\":true}");
        html.ShouldContain("\"withDefaultFonts\":false");
        html.ShouldContain("\"preferredSecurityScheme\":[\"Bearer\"]");
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/patients/not-a-patient-id")]
    [InlineData("/missing.js")]
    public async Task An_unknown_address_answers_404_with_a_page_that_offers_home_and_staff_sign_in(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, "not a redirect to the sign-in page");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("There is no page at this address");
        html.ShouldContain("sign in as clinic staff");
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_problem_details_signed_in_or_not()
    {
        var response = await _client.GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Screen_returns_the_same_json_as_the_cli_contract_with_its_length_declared()
    {
        var response = await PostAsync("/api/screen", DesignExample);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var expected = JsonSerializer.Serialize(new Screener(KnowledgeBase.Default).Screen(Intake.Parse(DesignExample, default, KnowledgeBase.Default).Value), StratumJson.Default.ScreeningResult);
        body.ShouldBe(expected);
        response.Content.Headers.ContentLength.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(expected));
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        JsonNode.Parse(body)!["verdict"]!.GetValue<string>().ShouldBe("defer");
    }

    [Fact]
    public async Task Requests_screened_at_the_same_time_each_get_the_answer_to_their_own_intake()
    {
        // Bodies of different lengths and dates, all in flight together: a body's buffer goes back to the pool when its
        // request ends, answers are written in a buffer each thread reuses, and no answer may carry another request's bytes.
        var lastDoses = Enumerable.Range(0, 40).Select(i => new DateOnly(2026, 6, 1).AddDays(i)).ToArray();
        var answers = await Task.WhenAll(lastDoses.Select(async (lastDose, i) =>
        {
            var intake = $$"""{"setting":"clinic","date":"2026-11-25","medications":[{"code":"isotretinoin","lastDose":"{{lastDose:yyyy-MM-dd}}"}]{{new string(' ', i * 37)}}}""";
            var response = await PostAsync("/api/screen", intake);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["notBefore"]!.GetValue<string>();
        }));

        answers.ShouldBe(lastDoses.Select(d => d.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Screen_without_a_date_uses_the_host_clock()
    {
        var json = JsonNode.Parse(await (await PostAsync("/api/screen", """{"setting":"home","medications":[{"code":"retinol","lastDose":"2026-11-24"}]}"""))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        json["notBefore"]!.GetValue<string>().ShouldBe("2026-11-27");
    }

    [Theory]
    [InlineData("/api/plan", """{"setting":"clinic","indication":"wrinkles","zones":["neck"]}""", "zones")]
    [InlineData("/api/schedule", """{"setting":"clinic","indication":"alopecia","start":"2026-12-01"}""", "sessions")]
    [InlineData("/api/triage", """{"setting":"home","hoursSinceTreatment":24,"symptoms":[{"code":"erythema"}]}""", "urgency")]
    [InlineData("/api/score", """{"qualitativeGrade":2}""", "qualitativeGrade")]
    [InlineData("/api/device", """{"setting":"clinic","needleLengthMm":1.0,"sterile":true,"singleUse":true}""", "verdict")]
    [InlineData("/api/aftercare", """{"inci":"Aqua, Retinol","hoursSinceTreatment":24}""", "usableFromHours")]
    [InlineData("/api/aftercare/routine", """{"hoursSinceTreatment":24,"products":[{"name":"Gel","inci":"Aqua, Panthenol"}]}""", "useNow")]
    public async Task Every_public_endpoint_answers_with_its_result_and_the_knowledge_version(string path, string body, string field)
    {
        var response = await PostAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        json[field].ShouldNotBeNull();
        json["knowledgeVersion"]!.GetValue<string>().ShouldBe(KnowledgeBase.Default.Version);
    }

    [Theory]
    [InlineData("/api/screen", """{"setting":"clinic","fitzpatrick":7}""", "$.fitzpatrick", "7 is out of range; expected 1 to 6")]
    [InlineData("/api/screen", """{"setting":"clinic","zones":["cheek"]}""", "$.zones[0]", "expected one of forehead")]
    [InlineData("/api/screen", """{"setting":"home","conditions":[{"code":"breastfeeding","status":"controlled"}]}""", "$.conditions[0].status", "'controlled' is not a status of breastfeeding: give active or history")]
    [InlineData("/api/screen", "", "$", "the input is empty")]
    [InlineData("/api/screen", "{\"setting\":", "$", "not valid JSON")]
    [InlineData("/api/triage", """{"setting":"home","hoursSinceTreatment":-1}""", "$.hoursSinceTreatment", "out of range")]
    [InlineData("/api/plan", """{"setting":"clinic","zones":["cheeks"]}""", "$.indication", "is required")]
    [InlineData("/api/score", """{"lesions":[{"type":"boxcar","count":2}]}""", "$.lesions[0].type", "unknown scar type")]
    [InlineData("/api/device", """{"setting":"clinic","sterile":1}""", "$.sterile", "expected true or false")]
    [InlineData("/api/aftercare", """{"inci":", ;"}""", "$.inci", "no ingredients found")]
    [InlineData("/api/aftercare", "\u0000\u0001binary", "$", "binary file")]
    [InlineData("/api/aftercare/routine", """{"products":[{"name":"A"}]}""", "$.products[0].inci", "is required")]
    public async Task Bad_input_is_a_problem_details_400_naming_the_field(string path, string body, string field, string message)
    {
        var response = await PostAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        problem["status"]!.GetValue<int>().ShouldBe(400);
        problem["errors"]![field]![0]!.GetValue<string>().ShouldContain(message);
    }

    [Fact]
    public async Task A_huge_body_is_refused_with_400_not_read_to_the_end()
    {
        var response = await PostAsync("/api/screen", "{\"setting\":\"clinic\",\"x\":\"" + new string('a', 2_000_000) + "\"}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("too large");
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_still_read()
    {
        var response = await _client.PostAsync("/api/device", new ByteArrayContent(Encoding.UTF8.GetBytes("""{"setting":"home","needleLengthMm":0.25}""")), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["verdict"]!.GetValue<string>().ShouldBe("caution");
    }

    [Fact]
    public async Task A_body_with_a_utf8_byte_order_mark_is_read_as_its_json()
    {
        var response = await _client.PostAsync("/api/device", new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("""{"setting":"home","needleLengthMm":0.25}""")]), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_body_of_many_multibyte_characters_under_the_limit_is_read_not_refused()
    {
        // 600,000 "é" are more bytes than the limit has characters, but fewer characters: read, and the bad field named.
        var response = await PostAsync("/api/screen", "{\"setting\":\"clinic\",\"x\":\"" + new string('é', 600_000) + "\"}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("$.x");
    }

    [Fact]
    public async Task Aftercare_reads_a_plain_text_list_and_answers_like_the_cli()
    {
        var response = await _client.PostAsync("/api/aftercare", new StringContent("Ingredients: Aqua, Glycolic Acid, Sodium Hyaluronate", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        json["verdict"]!.GetValue<string>().ShouldBe("avoid");
        json["flags"]![0]!["class"]!.GetValue<string>().ShouldBe("aha");
        json["benefits"]![0]!["class"]!.GetValue<string>().ShouldBe("hyaluronic-acid");
    }

    [Fact]
    public async Task Aftercare_never_answers_ok_for_a_list_with_an_ingredient_it_does_not_know()
    {
        var json = JsonNode.Parse(await (await PostAsync("/api/aftercare", """{"inci":"Aqua, asdf qwerty, RETIN0L","hoursSinceTreatment":200}"""))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        json["verdict"]!.GetValue<string>().ShouldBe("caution");
        json["ingredients"]![1]!["recognised"]!.GetValue<bool>().ShouldBeFalse();
        json["ingredients"]![2]!["matchedAs"]!.GetValue<string>().ShouldBe("Retinol");
        json["unrecognised"]![0]!["inci"]!.GetValue<string>().ShouldBe("asdf qwerty");
        json["unrecognised"]![0]!["position"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Aftercare_counts_hours_from_the_treatment_time_to_the_host_clock()
    {
        var json = JsonNode.Parse(await (await PostAsync("/api/aftercare", """{"inci":"Aqua, Parfum","treatedAt":"2026-11-22T08:00"}"""))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        json["hoursSinceTreatment"]!.GetValue<decimal>().ShouldBe(74m);
        json["verdict"]!.GetValue<string>().ShouldBe("ok");
        json["usableFrom"]!.GetValue<string>().ShouldBe("2026-11-25T08:00:00");
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task Public_endpoints_are_rate_limited_per_client()
    {
        await using var factory = new StratumFactory().WithWebHostBuilder(b => b.UseSetting("Stratum:RateLimit:PublicPermitsPerMinute", "3"));
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsync("/api/score", new StringContent("""{"qualitativeGrade":2}"""), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_knowledge_path_with_a_broken_rule_stops_the_host_from_starting()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-knowledge-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "devices.json"), "{\"note\":\"x\",\"rules\":[{\"code\":\"DV-X\"}]}", TestContext.Current.CancellationToken);
            await using var factory = new StratumFactory().WithWebHostBuilder(b => b.UseSetting("Stratum:KnowledgePath", directory.FullName));
            var error = Should.Throw<InvalidOperationException>(() => factory.CreateClient());
            error.Message.ShouldContain("devices.json");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
