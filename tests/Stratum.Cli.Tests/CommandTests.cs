using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stratum.Cli.Tests;

public sealed class CommandTests
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

    private static JsonNode Json(CliResult result)
    {
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    [Fact]
    public void Screen_json_follows_the_design_contract()
    {
        var json = Json(CliRunner.Run(DesignExample, "screen", "--format", "json"));
        json["verdict"]!.GetValue<string>().ShouldBe("defer");
        json["notBefore"]!.GetValue<string>().ShouldBe("2027-02-01");
        var isotretinoin = json["findings"]!.AsArray().Single(f => f!["rule"]!.GetValue<string>() == "CI-ISOTRETINOIN")!;
        isotretinoin["verdict"]!.GetValue<string>().ShouldBe("defer");
        isotretinoin["notBefore"]!.GetValue<string>().ShouldBe("2027-02-01");
        isotretinoin["sources"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain("skinpen-label");
        isotretinoin["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        json["knowledgeVersion"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Screen_text_shows_the_verdict_and_each_rule()
    {
        var result = CliRunner.Run(DesignExample, "screen");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Verdict: DEFER — not before 2027-02-01");
        result.Stdout.ShouldContain("CI-HSV-HISTORY");
        result.Stdout.ShouldContain("stratum-policy [evidence:");
        result.Stdout.ShouldContain("convention]");
    }

    [Fact]
    public void Screen_date_defaults_to_today()
    {
        var json = Json(CliRunner.Run("""{"setting":"clinic","medications":[{"code":"retinol","lastDose":"2026-11-24"}]}""", "screen", "-f", "json"));
        json["notBefore"]!.GetValue<string>().ShouldBe("2026-11-27");
    }

    [Fact]
    public void Plan_json_lists_zones_interval_sessions_and_warnings()
    {
        var json = Json(CliRunner.Run("""{"setting":"home","indication":"acne-scars","zones":["periorbital","cheeks"]}""", "plan", "--format", "json"));
        json["zones"]!.AsArray().Single()!["zone"]!.GetValue<string>().ShouldBe("cheeks");
        json["zones"]![0]!["depthMm"]!["max"]!.GetValue<decimal>().ShouldBe(0.3m);
        json["intervalDays"]!["min"]!.GetValue<int>().ShouldBe(7);
        json["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ShouldContain("PL-HOME-ZONE");
    }

    [Fact]
    public void Schedule_ics_is_a_calendar_with_an_event_and_a_reminder_per_session()
    {
        var result = CliRunner.Run("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01"}""", "schedule", "--format", "ics");
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldStartWith("BEGIN:VCALENDAR");
        result.Stdout.ShouldContain("DTSTART;VALUE=DATE:20261201");
        result.Stdout.ShouldContain("DTSTART;VALUE=DATE:20261229");
        result.Stdout.ShouldContain("BEGIN:VALARM");
        var calendar = Ical.Net.Calendar.Load(result.Stdout)!;
        calendar.Events.Count(e => e.Summary!.StartsWith("Microneedling session", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public void Schedule_refuses_a_date_too_soon_with_the_interval_rule()
    {
        var json = Json(CliRunner.Run("""{"setting":"clinic","indication":"acne-scars","start":"2026-12-01","previous":["2026-11-10"]}""", "schedule", "-f", "json"));
        json["allowed"]!.GetValue<bool>().ShouldBeFalse();
        json["refusal"]!["rule"]!.GetValue<string>().ShouldBe("CI-INTERVAL");
        json["refusal"]!["notBefore"]!.GetValue<string>().ShouldBe("2026-12-08");
    }

    [Fact]
    public void Triage_json_gives_urgency_and_findings()
    {
        var json = Json(CliRunner.Run("""{"setting":"home","hoursSinceTreatment":60,"symptoms":[{"code":"pus"}]}""", "triage", "--format", "json"));
        json["urgency"]!.GetValue<string>().ShouldBe("urgent-care");
        json["findings"]![0]!["rule"]!.GetValue<string>().ShouldBe("AE-INFECTION");
    }

    [Fact]
    public void Score_and_device_answer_in_json()
    {
        Json(CliRunner.Run("""{"qualitativeGrade":3,"lesions":[{"type":"papular","count":12}]}""", "score", "-f", "json"))["quantitativeScore"]!.GetValue<int>().ShouldBe(4);
        Json(CliRunner.Run("""{"setting":"home","needleLengthMm":1.0,"mechanism":"roller"}""", "device", "-f", "json"))["verdict"]!.GetValue<string>().ShouldBe("unsuitable");
    }

    [Fact]
    public void Rules_lists_every_rule_and_shows_one_by_code()
    {
        var all = Json(CliRunner.Run("", "rules", "--format", "json"));
        all["rules"]!.AsArray().Count.ShouldBeGreaterThan(60);
        var keloid = CliRunner.Run("", "rules", "CI-KELOID");
        keloid.ExitCode.ShouldBe(0);
        keloid.Stdout.ShouldContain("refer");
        keloid.Stdout.ShouldContain("decline");
        keloid.Stdout.ShouldContain("skinpen-label");
        CliRunner.Run("", "rules", "CI-NOPE").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Sources_show_verification_status()
    {
        var json = Json(CliRunner.Run("", "sources", "--format", "json"));
        var majid = json["sources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "majid-2009")!;
        majid["status"]!.GetValue<string>().ShouldBe("corrected");
        CliRunner.Run("", "sources").Stdout.ShouldContain("juhasz-2021");
    }

    [Fact]
    public void A_knowledge_directory_overrides_the_embedded_rules()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-knowledge-");
        try
        {
            var screening = Core.Knowledge.KnowledgeBase.ReadEmbedded("screening.json");
            var node = JsonNode.Parse(screening)!;
            var diabetes = node["rules"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "CI-DIABETES")!;
            diabetes["verdict"]!["clinic"] = "refer";
            File.WriteAllText(Path.Combine(directory.FullName, "screening.json"), node.ToJsonString());
            var json = Json(CliRunner.Run("""{"setting":"clinic","conditions":[{"code":"diabetes","status":"controlled"}]}""", "screen", "-f", "json", "--knowledge", directory.FullName));
            json["verdict"]!.GetValue<string>().ShouldBe("refer");
            json["knowledgeVersion"]!.GetValue<string>().ShouldNotBe(Core.Knowledge.KnowledgeBase.Default.Version);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_invalid_knowledge_directory_exits_2_naming_the_file_and_entry()
    {
        var directory = Directory.CreateTempSubdirectory("stratum-knowledge-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "triage.json"),
                Core.Knowledge.KnowledgeBase.ReadEmbedded("triage.json").Replace("\"soltani-2014\"", "\"nobody-1999\"", StringComparison.Ordinal));
            var result = CliRunner.Run("""{"setting":"home","hoursSinceTreatment":1}""", "triage", "--knowledge", directory.FullName);
            result.ExitCode.ShouldBe(2);
            result.Stderr.ShouldContain("triage.json: AE-GRANULOMA: source 'nobody-1999' does not exist");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
