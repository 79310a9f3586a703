namespace Stratum.Core.Vocabulary;

/// <summary>
/// Some codes of one vocabulary as a bit mask: a rule's trigger asks "is this one of them?" for every entry of every
/// intake, and a mask answers with a shift where a list would be walked. Every vocabulary is numbered 0, 1, 2… and has
/// fewer than 64 codes; a longer one is refused when a set is made.
/// </summary>
public readonly record struct CodeSet<T>(ulong Mask) where T : struct, Enum
{
    public static CodeSet<T> Of(IEnumerable<T>? codes)
    {
        var mask = 0UL;
        foreach (var code in codes ?? [])
        {
            var number = Codes.Number(code);
            mask |= (uint)number < 64 ? 1UL << number
                : throw new ArgumentOutOfRangeException(nameof(codes), code, $"{typeof(T).Name} has more codes than the 64 a set can hold.");
        }

        return new CodeSet<T>(mask);
    }

    public bool Contains(T code)
    {
        var number = Codes.Number(code);
        return (uint)number < 64 && ((Mask >> number) & 1) != 0;
    }
}
