using FsCheck;
using FsCheck.Fluent;
using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests;

/// <summary>Random but valid intakes for property tests: every vocabulary code can appear.</summary>
internal static class Generators
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly decimal[] NeedleLengths = [0.2m, 0.25m, 0.3m, 0.5m, 0.75m, 1.0m, 1.5m, 2.0m, 2.5m, 3.0m];

    public static Gen<T> Code<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    public static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    public static Gen<DateOnly> DaysBefore(int maxDays) => Gen.Choose(0, maxDays).Select(d => Today.AddDays(-d));

    /// <summary>Each code of <typeparamref name="TCode"/> appears with probability 1/4, at most once.</summary>
    private static Gen<List<T>> Some<TCode, T>(Func<TCode, Gen<T>> make) where TCode : struct, Enum =>
        Enum.GetValues<TCode>().Aggregate(Gen.Constant(new List<T>()), (acc, code) =>
            from list in acc
            from include in Gen.Elements(false, false, false, true)
            from item in make(code)
            select include ? [.. list, item] : list);

    public static readonly Gen<DeviceSpec> Device =
        from needle in Maybe(Gen.Elements(NeedleLengths))
        from mechanism in Maybe(Code<Mechanism>())
        from sterile in Maybe(Gen.Elements(true, false))
        from singleUse in Maybe(Gen.Elements(true, false))
        select new DeviceSpec(needle, mechanism, sterile, singleUse);

    public static readonly Gen<ConditionEntry> Condition =
        from code in Code<Condition>()
        from status in Code<ConditionStatus>()
        select new ConditionEntry(code, status);

    public static readonly Gen<Intake> Intake =
        from setting in Code<Setting>()
        from age in Maybe(Gen.Choose(10, 90))
        from fitzpatrick in Maybe(Gen.Choose(1, 6))
        from indication in Code<Indication>()
        from zones in Gen.SubListOf(Enum.GetValues<Zone>())
        from conditions in Some<Condition, ConditionEntry>(c => Code<ConditionStatus>().Select(s => new ConditionEntry(c, s)))
        from medications in Some<Medication, MedicationEntry>(c => Maybe(Gen.Choose(0, 400)).Select(d => new MedicationEntry(c, d is { } days ? Today.AddDays(-days) : null)))
        from allergies in Gen.SubListOf(Enum.GetValues<Allergy>())
        from procedures in Some<Procedure, ProcedureEntry>(c => DaysBefore(90).Select(d => new ProcedureEntry(c, d)))
        from device in Gen.Frequency((1, Gen.Constant<DeviceSpec?>(null)), (3, Device.Select(d => (DeviceSpec?)d)))
        select new Intake(setting, Today, age, fitzpatrick, indication, zones.ToList(), conditions.ToList(), medications.ToList(), allergies.ToList(), procedures.ToList(), device);
}
