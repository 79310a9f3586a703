using System.Text.Json;

namespace Stratum.Cli.Tests;

/// <summary><c>stratum aftercare</c>, <c>aftercare --batch</c> and <c>aftercare routine</c> (DESIGN §3, issue 4).</summary>
public sealed class AftercareCommandTests
{
    private const string Serum = "Aqua, Glycerin, Retinol, Sodium Hyaluronate, Linalool, Phenoxyethanol";

    [Fact]
    public void Plain_text_with_hours_prints_the_design_json()
    {
        var result = CliRunner.Run(Serum, "aftercare", "--hours", "24", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("verdict").GetString().ShouldBe("avoid");
        root.GetProperty("hoursSinceTreatment").GetDecimal().ShouldBe(24m);
        root.GetProperty("usableFromHours").GetInt32().ShouldBe(72);
        root.GetProperty("ingredients")[2].GetProperty("inci").GetString().ShouldBe("Retinol");
        root.GetProperty("ingredients")[2].GetProperty("position").GetInt32().ShouldBe(3);
        root.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("class").GetString()).ShouldBe(["retinoid", "fragrance"]);
        root.GetProperty("flags")[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldContain("seed-002");
        root.GetProperty("benefits")[0].GetProperty("class").GetString().ShouldBe("hyaluronic-acid");
        root.GetProperty("knowledgeVersion").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Json_input_with_the_treatment_time_counts_hours_to_now()
    {
        var result = CliRunner.Run("""{ "inci": "Aqua, Retinol", "treatedAt": "2026-11-24T10:00" }""", "aftercare", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("hoursSinceTreatment").GetDecimal().ShouldBe(24m);
        json.RootElement.GetProperty("usableFrom").GetString().ShouldBe("2026-11-27T10:00:00");
    }

    [Fact]
    public void Text_output_marks_each_flagged_ingredient_says_why_and_from_when_and_names_helpful_ones()
    {
        var result = CliRunner.Run(Serum, "aftercare", "--treated-at", "2026-11-24T14:00");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Verdict: AVOID");
        result.Stdout.ShouldContain("Fri 27 Nov, 14:00");
        result.Stdout.ShouldMatch(@"Retinol\s+! retinoid \(72 h\)");
        result.Stdout.ShouldMatch(@"Linalool\s+~ fragrance \(72 h\)");
        result.Stdout.ShouldContain("Retinoids irritate");
        result.Stdout.ShouldContain("Helpful ingredients: Sodium Hyaluronate (hyaluronic-acid).");
    }

    [Fact]
    public void The_avoid_option_adds_the_users_own_ingredients()
    {
        var result = CliRunner.Run("Aqua, Niacinamide, Squalane", "aftercare", "--hours", "500", "--avoid", "Niacinamide,Linalool", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("verdict").GetString().ShouldBe("avoid");
        json.RootElement.GetProperty("usableFromHours").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("flags").EnumerateArray().ShouldHaveSingleItem().GetProperty("inci").GetString().ShouldBe("Niacinamide");
    }

    [Fact]
    public void Batch_writes_one_json_object_per_line_and_an_error_object_for_a_bad_line()
    {
        var result = CliRunner.Run("Serum\tAqua, Retinol\r\nno tab here\n\nCream\tAqua, Squalane\n", "aftercare", "--batch", "--hours", "80");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("1 line(s) could not be read");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBe(3);
        lines[0].GetProperty("name").GetString().ShouldBe("Serum");
        lines[0].GetProperty("verdict").GetString().ShouldBe("ok");
        lines[1].GetProperty("line").GetInt32().ShouldBe(2);
        lines[1].GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("no tab");
        lines[2].GetProperty("name").GetString().ShouldBe("Cream");
    }

    [Fact]
    public void Batch_of_good_lines_exits_0()
    {
        var result = CliRunner.Run(string.Concat(Enumerable.Range(1, 200).Select(i => $"Product {i}\tAqua, Glycerin, Lactic Acid\n")), "aftercare", "--batch");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(200);
    }

    [Fact]
    public void Json_marks_what_was_not_recognised_and_what_a_slip_was_read_as()
    {
        var result = CliRunner.Run("Aqua, asdf qwerty, RETIN0L", "aftercare", "--hours", "100", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("verdict").GetString().ShouldBe("caution");
        root.GetProperty("ingredients")[1].GetProperty("recognised").GetBoolean().ShouldBeFalse();
        root.GetProperty("ingredients")[2].GetProperty("matchedAs").GetString().ShouldBe("Retinol");
        var unrecognised = root.GetProperty("unrecognised").EnumerateArray().ShouldHaveSingleItem();
        unrecognised.GetProperty("position").GetInt32().ShouldBe(2);
        unrecognised.GetProperty("inci").GetString().ShouldBe("asdf qwerty");
    }

    [Fact]
    public void Text_output_names_what_was_not_recognised_and_asks_to_check_it()
    {
        var result = CliRunner.Run("Aqua, asdf qwerty, Glyco1ic Acid", "aftercare", "--hours", "500");

        result.Stdout.ShouldContain("Verdict: CAUTION");
        result.Stdout.ShouldMatch(@"asdf qwerty\s+\? not recognised");
        result.Stdout.ShouldContain("read as Glycolic Acid");
        result.Stdout.ShouldContain("Not recognised: asdf qwerty. Check these yourself");
    }

    [Fact]
    public void Batch_and_routine_never_call_a_product_with_an_unknown_ingredient_fine()
    {
        var batch = CliRunner.Run("Mystery\tAqua, Zzyzx Extract\n", "aftercare", "--batch", "--hours", "500");
        var routine = CliRunner.Run("Mystery\tAqua, Zzyzx Extract\nCream\tAqua, Squalane\n", "aftercare", "routine", "--hours", "500");

        using var line = JsonDocument.Parse(batch.Stdout);
        line.RootElement.GetProperty("verdict").GetString().ShouldBe("caution");
        line.RootElement.GetProperty("unrecognised")[0].GetProperty("inci").GetString().ShouldBe("Zzyzx Extract");
        routine.Stdout.ShouldMatch(@"Mystery\s+caution.+Zzyzx Extract \(not recognised\)");
        routine.Stdout.ShouldContain("1 has an ingredient not recognised");
    }

    [Fact]
    public void Routine_prints_a_table_of_products_and_the_helpful_ones_to_use_now()
    {
        var result = CliRunner.Run("Serum\tAqua, Retinol\nCream\tAqua, Squalane, Ceramide NP\n", "aftercare", "routine", "--hours", "30");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldMatch(@"Serum\s+avoid\s+72 h\s+Retinol \(retinoid\)");
        result.Stdout.ShouldContain("Helpful products to use now: Cream (ceramide, barrier).");
    }

    [Theory]
    [InlineData("", new[] { "aftercare" }, "$: is empty")]
    [InlineData(", ; ,", new[] { "aftercare" }, "$: no ingredients found")]
    [InlineData("Aqua", new[] { "aftercare", "--hours", "-1" }, "--hours: -1 is out of range")]
    [InlineData("Aqua", new[] { "aftercare", "--treated-at", "soon" }, "--treated-at: 'soon' is not a time")]
    [InlineData("Aqua", new[] { "aftercare", "--treated-at", "2026-11-26T10:00" }, "--treated-at: 2026-11-26 10:00 is after now")]
    [InlineData("Aqua", new[] { "aftercare", "--hours", "3", "--treated-at", "2026-11-24T10:00" }, "--treated-at: give either")]
    [InlineData("{\"products\": []}", new[] { "aftercare", "routine" }, "$.products: needs at least one product")]
    public void Bad_input_exits_2_naming_the_problem(string stdin, string[] args, string expected)
    {
        var result = CliRunner.Run(stdin, args);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("error: " + expected);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Binary_garbage_exits_2_without_a_stack_trace()
    {
        var result = CliRunner.Run("\u0000\u0001PK\u0003\u0004\uFFFD\uFFFD", "aftercare");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("binary file");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Batch_as_a_process_streams_lines()
    {
        var result = await CliRunner.RunProcessAsync("A\tAqua, Retinol\nB\tAqua\n", "aftercare", "--batch");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }
}
