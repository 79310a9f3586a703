namespace Stratum.Cli.Tests;

/// <summary>Input a user typed never gives exit 1 or a stack trace: exit 2 and a line naming the field.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("screen", "", "$: the input is empty")]
    [InlineData("screen", "{\"setting\":\"clinic\",\"fitzpatrick\":7}", "$.fitzpatrick: 7 is out of range")]
    [InlineData("screen", "{\"setting\":\"clinic\",\"age\":-3}", "$.age: -3 is out of range")]
    [InlineData("screen", "{\"setting\":\"clinic\",\"conditions\":[{\"code\":\"acne\",\"status\":\"active\"}]}", "$.conditions[0].code: unknown condition 'acne'; expected one of active-acne")]
    [InlineData("screen", "{\"setting\":\"clinic\",\"date\":\"2026-13-01\"}", "$.date: '2026-13-01' is not a date")]
    [InlineData("screen", "{\"setting\":\"home\",\"conditions\":[{\"code\":\"pregnancy\",\"status\":\"controlled\"}]}", "$.conditions[0].status: 'controlled' is not a status of pregnancy: give active or history")]
    [InlineData("plan", "{\"setting\":\"clinic\",\"indication\":\"acne-scars\",\"zones\":[\"cheeks\"],\"conditions\":[{\"code\":\"sunburn\",\"status\":\"controlled\"}]}", "$.conditions[0].status: 'controlled' is not a status of sunburn")]
    [InlineData("screen", "{\"setting\": [", "$: not valid JSON")]
    [InlineData("screen", "{\"setting\":\"clinic\",\"age\":true}", "$.age: expected a whole number, found a boolean")]
    [InlineData("screen", "\0\0\0", "$: not valid JSON")]
    [InlineData("plan", "{\"setting\":\"clinic\",\"zones\":[\"cheeks\"]}", "$.indication: is required")]
    [InlineData("triage", "{\"setting\":\"home\",\"hoursSinceTreatment\":-2}", "$.hoursSinceTreatment: -2 is out of range")]
    [InlineData("triage", "{\"setting\":\"home\",\"hoursSinceTreatment\":2,\"symptoms\":[{\"code\":\"ache\"}]}", "$.symptoms[0].code: unknown symptom 'ache'")]
    [InlineData("score", "{\"qualitativeGrade\":7}", "$.qualitativeGrade: 7 is out of range")]
    [InlineData("device", "{\"setting\":\"home\",\"mechanism\":\"laser\"}", "$.mechanism: unknown mechanism 'laser'; expected one of motorized, roller, stamp")]
    [InlineData("schedule", "{\"setting\":\"clinic\",\"indication\":\"acne-scars\"}", "$.start: is required")]
    public void Bad_input_exits_2_and_names_the_field(string command, string input, string error)
    {
        var result = CliRunner.Run(input, command, "--format", "json");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain(error);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Deeply_nested_input_exits_2()
    {
        var result = CliRunner.Run("{\"setting\":" + new string('[', 100_000), "screen");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Huge_input_exits_2_without_reading_it_all()
    {
        var result = CliRunner.Run("{\"setting\":\"clinic\",\"x\":\"" + new string('a', 3_000_000) + "\"}", "screen");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("too large");
    }

    [Fact]
    public void A_missing_input_file_exits_2_naming_the_option()
    {
        var result = CliRunner.Run("", "screen", "--input", "/nonexistent/intake.json");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--input: the file '/nonexistent/intake.json' does not exist");
    }

    [Theory]
    [InlineData("screen", "--format", "xml")]
    [InlineData("screan")]
    [InlineData("screen", "--bogus")]
    public void Command_line_mistakes_exit_2(params string[] args)
    {
        var result = CliRunner.Run("{}", args);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("error:");
    }
}
