using Stratum.Core.Knowledge;
using Stratum.Core.Input;
using Stratum.Core.Screening;

namespace Stratum.Core.Tests.Input;

public sealed class InputTests
{
    private static IReadOnlyList<InputError> Errors(string? json) => Intake.Parse(json, Generators.Today, KnowledgeBase.Default).Errors;

    [Theory]
    [InlineData(null, "$", "empty")]
    [InlineData("", "$", "empty")]
    [InlineData("   ", "$", "empty")]
    [InlineData("{\"setting\":", "$", "not valid JSON")]
    [InlineData("[1,2]", "$", "expected a JSON object")]
    [InlineData("{\"setting\":\"clinic\",\"fitzpatrick\":7}", "$.fitzpatrick", "7 is out of range; expected 1 to 6")]
    [InlineData("{\"setting\":\"clinic\",\"fitzpatrick\":3.5}", "$.fitzpatrick", "whole number")]
    [InlineData("{\"setting\":\"clinic\",\"age\":-1}", "$.age", "out of range")]
    [InlineData("{\"setting\":\"clinic\",\"age\":\"34\"}", "$.age", "found a string")]
    [InlineData("{\"setting\":\"clinic\",\"date\":\"25/11/2026\"}", "$.date", "expected yyyy-MM-dd")]
    [InlineData("{\"setting\":\"clinic\",\"date\":\"2026-02-30\"}", "$.date", "expected yyyy-MM-dd")]
    [InlineData("{\"setting\":\"salon\"}", "$.setting", "expected one of clinic, home")]
    [InlineData("{}", "$.setting", "is required")]
    [InlineData("{\"setting\":\"clinic\",\"zones\":[\"cheek\"]}", "$.zones[0]", "unknown zone 'cheek'")]
    [InlineData("{\"setting\":\"clinic\",\"zones\":[\"cheeks\",\"cheeks\"]}", "$.zones[1]", "listed twice")]
    [InlineData("{\"setting\":\"clinic\",\"medicatons\":[]}", "$.medicatons", "unknown field")]
    [InlineData("{\"setting\":\"clinic\",\"medications\":[{\"code\":\"isotretinoin\",\"lastDose\":\"2026-12-01\"}]}", "$.medications[0].lastDose", "after the screening date")]
    [InlineData("{\"setting\":\"clinic\",\"conditions\":[{\"code\":\"rosacea\"}]}", "$.conditions[0].status", "is required")]
    [InlineData("{\"setting\":\"clinic\",\"device\":{\"needleLengthMm\":0}}", "$.device.needleLengthMm", "out of range")]
    [InlineData("{\"setting\":\"clinic\",\"device\":{\"sterile\":\"yes\"}}", "$.device.sterile", "expected true or false")]
    [InlineData("{\"setting\":\"clinic\",\"setting\":\"home\"}", "$.setting", "appears more than once")]
    [InlineData("{\"setting\":\"clinic\",\"device\":{\"sterile\":true,\"sterile\":false}}", "$.device.sterile", "appears more than once")]
    [InlineData("{\"setting\":\"clinic\",\"conditions\":[{\"code\":\"rosacea\",\"status\":\"active\",\"code\":\"rosacea\"}]}", "$.conditions[0].code", "appears more than once")]
    [InlineData("{\"setting\":\"clinic\",\"device\":{\"needleLengthMm\":1,\"colour\":\"red\"}}", "$.device.colour", "unknown field")]
    [InlineData("{\"setting\":\"cli\u0000nic\"}", "$", "not valid JSON")]
    [InlineData("{\"setting\":\"cli\\u0000nic\"}", "$.setting", "unknown setting 'cli\\u0000nic'")]
    public void Bad_input_names_the_field_and_why(string? json, string path, string message)
    {
        var error = Errors(json).ShouldHaveSingleItem();
        error.Path.ShouldBe(path);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Utf8_bytes_are_read_like_the_same_text()
    {
        const string json = """{"setting":"clinic","date":"2026-11-20","zones":["cheeks"],"conditions":[{"code":"rosacea","status":"active"}]}""";
        var fromBytes = Intake.Parse(JsonText.FromUtf8(System.Text.Encoding.UTF8.GetBytes(json)), Generators.Today, KnowledgeBase.Default).Value;
        var fromText = Intake.Parse(json, Generators.Today, KnowledgeBase.Default).Value;
        fromBytes.Date.ShouldBe(fromText.Date);
        fromBytes.Zones.ShouldBe(fromText.Zones);
        fromBytes.Conditions.ShouldBe(fromText.Conditions);
        Intake.Parse(JsonText.FromUtf8(" \r\n "u8.ToArray()), Generators.Today, KnowledgeBase.Default).Errors.ShouldHaveSingleItem().Message.ShouldContain("empty");
        Intake.Parse(JsonText.FromUtf8("{\"setting\":\"clinic\",\"fitzpatrick\":7}"u8.ToArray()), Generators.Today, KnowledgeBase.Default).Errors.ShouldHaveSingleItem().Path.ShouldBe("$.fitzpatrick");
    }

    [Fact]
    public void Deeply_nested_input_is_refused()
    {
        var json = "{\"setting\":\"clinic\",\"device\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Errors(json).Single().Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void A_condition_listed_three_times_is_named_once_as_repeated()
    {
        var json = """
            { "setting": "clinic", "conditions": [
              { "code": "rosacea", "status": "active" }, { "code": "eczema", "status": "history" },
              { "code": "rosacea", "status": "history" }, { "code": "rosacea", "status": "controlled" } ] }
            """;
        var error = Errors(json).ShouldHaveSingleItem();
        error.Path.ShouldBe("$.conditions");
        error.Message.ShouldBe("'rosacea' is listed more than once");
    }

    [Fact]
    public void Huge_input_is_refused_before_parsing()
    {
        var json = "{\"setting\":\"clinic\",\"zones\":[" + string.Join(",", Enumerable.Repeat("\"cheeks\"", 200_000)) + "]}";
        Errors(json).Single().Message.ShouldContain("too large");
    }

    [Fact]
    public void A_long_list_is_refused_with_its_limit()
    {
        var json = "{\"setting\":\"clinic\",\"allergies\":[" + string.Join(",", Enumerable.Repeat("\"nickel\"", 100)) + "]}";
        Errors(json).Single().Message.ShouldContain("at most 64");
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        Errors("{\"setting\":\"x\",\"age\":200,\"zones\":[\"moon\"]}").Select(e => e.Path).ShouldBe(["$.setting", "$.age", "$.zones[0]"]);
    }

    [Fact]
    public void Date_defaults_to_today()
    {
        Intake.Parse("{\"setting\":\"home\"}", Generators.Today, KnowledgeBase.Default).Value.Date.ShouldBe(Generators.Today);
    }
}
