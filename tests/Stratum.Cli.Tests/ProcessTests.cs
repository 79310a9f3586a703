using System.Text.Json.Nodes;

namespace Stratum.Cli.Tests;

/// <summary>The built command as a separate process: JSON in on stdin, exactly one JSON object out, and the exit codes.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Screen_as_a_process_prints_exactly_one_json_object_and_exits_0()
    {
        var result = await CliRunner.RunProcessAsync("""{"setting":"clinic","date":"2026-11-25","conditions":[{"code":"keloid-tendency","status":"history"}]}""", "screen", "--format", "json");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!.AsObject();
        json["verdict"]!.GetValue<string>().ShouldBe("refer");
        json["notBefore"].ShouldBeNull();
        result.Stdout.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_as_a_process_exits_2_with_the_field_on_stderr()
    {
        var result = await CliRunner.RunProcessAsync("""{"setting":"spa"}""", "screen", "--format", "json");
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("$.setting: unknown setting 'spa'");
    }

    [Fact]
    public async Task Input_file_option_reads_the_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"setting":"home","hoursSinceTreatment":200,"symptoms":[{"code":"nodules"}]}""", TestContext.Current.CancellationToken);
            var result = await CliRunner.RunProcessAsync("", "triage", "--input", file, "--format", "json");
            result.ExitCode.ShouldBe(0, result.Stderr);
            JsonNode.Parse(result.Stdout)!["urgency"]!.GetValue<string>().ShouldBe("contact-clinic");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
