using Stratum.Core.Knowledge;

namespace Stratum.Core.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static string Embedded(string name) => KnowledgeBase.ReadEmbedded(name);

    private static IReadOnlyList<KnowledgeError> ErrorsWith(string file, string text)
    {
        KnowledgeBase.TryLoad(name => name == file ? text : null, out _, out var errors).ShouldBeFalse();
        return errors;
    }

    [Fact]
    public void The_embedded_knowledge_loads_and_validates()
    {
        KnowledgeBase.TryLoad(_ => null, out var knowledge, out var errors).ShouldBeTrue(string.Join("\n", errors));
        knowledge.ScreeningRules.Count.ShouldBe(35);
        knowledge.Version.Length.ShouldBe(12);
    }

    [Fact]
    public void Knowledge_version_changes_when_any_file_changes()
    {
        var changed = Embedded(KnowledgeBase.TriageFile).Replace("Keep the skin clean", "Keep the skin very clean", StringComparison.Ordinal);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.TriageFile ? changed : null, out var knowledge, out _).ShouldBeTrue();
        knowledge.Version.ShouldNotBe(KnowledgeBase.Default.Version);
    }

    [Fact]
    public void Knowledge_version_ignores_line_endings()
    {
        var crlf = Embedded(KnowledgeBase.SourcesFile).Replace("\n", "\r\n", StringComparison.Ordinal);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.SourcesFile ? crlf : null, out var knowledge, out _).ShouldBeTrue();
        knowledge.Version.ShouldBe(KnowledgeBase.Default.Version);
    }

    [Fact]
    public void An_override_file_replaces_the_embedded_rule()
    {
        var stricter = Embedded(KnowledgeBase.ScreeningFile).Replace(
            "\"verdict\": {\n        \"clinic\": \"caution\",\n        \"home\": \"caution\"\n      },\n      \"message\": \"Diabetes",
            "\"verdict\": {\n        \"clinic\": \"refer\",\n        \"home\": \"decline\"\n      },\n      \"message\": \"Diabetes", StringComparison.Ordinal);
        stricter.ShouldNotBe(Embedded(KnowledgeBase.ScreeningFile));
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.ScreeningFile ? stricter : null, out var knowledge, out _).ShouldBeTrue();
        knowledge.ScreeningRules.Single(r => r.Code == "CI-DIABETES").Clinic.ShouldBe(Stratum.Core.Vocabulary.Verdict.Refer);
    }

    [Fact]
    public void An_unknown_vocabulary_code_names_the_file_the_entry_and_the_valid_codes()
    {
        var text = Embedded(KnowledgeBase.ScreeningFile).Replace("\"keloid-tendency\"", "\"keloid\"", StringComparison.Ordinal);
        var error = ErrorsWith(KnowledgeBase.ScreeningFile, text).Single();
        error.File.ShouldBe("screening.json");
        error.Entry.ShouldBe("CI-KELOID");
        error.Message.ShouldContain("'keloid' is not a valid Condition code");
        error.Message.ShouldContain("keloid-tendency");
    }

    [Fact]
    public void A_rule_without_a_source_is_an_error()
    {
        var text = Embedded(KnowledgeBase.ScreeningFile).Replace("\"sources\": [\n        \"stratum-policy\"\n      ]", "\"sources\": []", StringComparison.Ordinal);
        ErrorsWith(KnowledgeBase.ScreeningFile, text).ShouldContain(e => e.Message.Contains("names no source"));
    }

    [Fact]
    public void A_screening_rule_without_a_title_is_an_error_naming_the_rule()
    {
        var text = Embedded(KnowledgeBase.ScreeningFile).Replace("\"title\": \"active acne\",", "", StringComparison.Ordinal);
        text.ShouldNotBe(Embedded(KnowledgeBase.ScreeningFile));
        var error = ErrorsWith(KnowledgeBase.ScreeningFile, text).Single();
        (error.Entry, error.Message).ShouldBe(("CI-ACTIVE-ACNE", "'title' is missing: a few plain words for the summary that names it (\"active acne\")"));
    }

    [Fact]
    public void A_source_id_that_does_not_exist_is_an_error_naming_the_rule()
    {
        var text = Embedded(KnowledgeBase.TriageFile).Replace("\"soltani-2014\", \"chu-2021\", \"mmwr-2024\"", "\"soltani-2015\", \"chu-2021\", \"mmwr-2024\"", StringComparison.Ordinal);
        var error = ErrorsWith(KnowledgeBase.TriageFile, text).Single();
        error.ToString().ShouldBe("triage.json: AE-GRANULOMA: source 'soltani-2015' does not exist in sources.json");
    }

    [Fact]
    public void An_inverted_depth_range_is_an_error()
    {
        var text = Embedded(KnowledgeBase.PlanningFile).Replace("\"min\": 0.75,\n            \"max\": 1.5", "\"min\": 1.75,\n            \"max\": 1.5", StringComparison.Ordinal);
        text.ShouldNotBe(Embedded(KnowledgeBase.PlanningFile));
        ErrorsWith(KnowledgeBase.PlanningFile, text).ShouldContain(e => e.Message.Contains("inverted"));
    }

    [Fact]
    public void A_zone_in_two_depth_rows_is_an_overlap_error()
    {
        var text = Embedded(KnowledgeBase.PlanningFile).Replace("\"zones\": [\n          \"nose\"\n        ]", "\"zones\": [\n          \"nose\",\n          \"cheeks\"\n        ]", StringComparison.Ordinal);
        text.ShouldNotBe(Embedded(KnowledgeBase.PlanningFile));
        ErrorsWith(KnowledgeBase.PlanningFile, text).ShouldContain(e => e.Message.Contains("cheeks overlaps depth row"));
    }

    [Fact]
    public void Healing_phases_with_a_gap_between_them_are_an_error_naming_the_phase()
    {
        var text = Embedded(KnowledgeBase.TriageFile).Replace("\"fromHours\": 504", "\"fromHours\": 600", StringComparison.Ordinal);
        text.ShouldNotBe(Embedded(KnowledgeBase.TriageFile));
        ErrorsWith(KnowledgeBase.TriageFile, text).ShouldContain(e => e.Message.Contains("must start at 504 hours") && e.Entry.Contains("Remodelling"));
    }

    [Fact]
    public void A_misspelt_field_is_an_error_not_ignored()
    {
        var text = Embedded(KnowledgeBase.DevicesFile).Replace("\"when\"", "\"whenn\"", StringComparison.Ordinal);
        ErrorsWith(KnowledgeBase.DevicesFile, text).ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_rule_of_every_kind_cites_an_existing_source()
    {
        var rules = Catalogue.Rules(KnowledgeBase.Default).Rules;
        rules.ShouldAllBe(r => r.Sources.Count > 0 && r.Sources.All(s => KnowledgeBase.Default.FindSource(s) != null));
        rules.Select(r => r.Code).ShouldBeUnique();
    }

    [Fact]
    public void Findings_backed_only_by_conventions_say_so()
    {
        KnowledgeBase.Default.EvidenceOf(["stratum-policy"]).ShouldBe(Stratum.Core.Vocabulary.SourceStatus.Convention);
        KnowledgeBase.Default.EvidenceOf(["seed-002", "stratum-policy"]).ShouldBe(Stratum.Core.Vocabulary.SourceStatus.Unverified);
        KnowledgeBase.Default.EvidenceOf(["seed-002", "chu-2021"]).ShouldBe(Stratum.Core.Vocabulary.SourceStatus.Verified);
    }
}
