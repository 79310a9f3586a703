using Stratum.Core.Knowledge;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Input;

public sealed class InputPropertyTests
{
    private static readonly Gen<string> DateLike = Gen.OneOf(
        // Real and impossible days, years and months with too few or too many digits.
        from year in Gen.Choose(0, 10_000)
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from yearDigits in Gen.Elements("D4", "D3", "D5", "D")
        from monthDigits in Gen.Elements("D2", "D1", "D3")
        select $"{year.ToString(yearDigits, CultureInfo.InvariantCulture)}-{month.ToString(monthDigits, CultureInfo.InvariantCulture)}-{day:D2}",
        // Anything made of the characters a date is written with.
        from length in Gen.Choose(8, 12)
        from chars in Gen.ArrayOf(Gen.Elements("0123456789-/ T".ToCharArray()), length)
        select new string(chars));

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property A_date_is_accepted_exactly_when_it_is_a_real_day_written_yyyy_MM_dd() =>
        Prop.ForAll(DateLike.ToArbitrary(), text =>
        {
            var parsed = Intake.Parse($$"""{"setting":"clinic","date":"{{text}}"}""", Generators.Today, KnowledgeBase.Default);
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            return parsed.TryGetValue(out var intake) == expected && (!expected || intake.Date == date);
        });

    [Fact]
    public void A_code_or_a_date_written_with_escapes_is_read_as_the_same_value()
    {
        foreach (var code in Codes.All<Zone>())
        {
            var escaped = string.Concat(code.Select(c => $"\\u{(int)c:x4}"));
            var intake = Intake.Parse($$"""{"setting":"clinic","date":"2026\u002d12\u002d01","zones":["{{escaped}}"]}""", Generators.Today, KnowledgeBase.Default).Value;
            Codes.Of(intake.Zones.ShouldHaveSingleItem()).ShouldBe(code);
            intake.Date.ShouldBe(new DateOnly(2026, 12, 1));
        }
    }
}
