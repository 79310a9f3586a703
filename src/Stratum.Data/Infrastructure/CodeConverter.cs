using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stratum.Core.Vocabulary;

namespace Stratum.Data.Infrastructure;

/// <summary>Stores a vocabulary value as its DESIGN §2 kebab-case code, the one storage form of every enum.</summary>
public sealed class CodeConverter<T>() : ValueConverter<T, string>(value => Codes.Of(value), code => Parse(code))
    where T : struct, Enum
{
    /// <summary>Longest code of any vocabulary (<c>collagen-vascular-disease</c>) with room to grow.</summary>
    public const int MaxLength = 40;

    // A stored code that no longer parses is corrupt data, not input: fail loudly rather than read a default.
    private static T Parse(string code) => Codes.TryParse<T>(code, out var value)
        ? value
        : throw new InvalidDataException($"'{code}' is not a {typeof(T).Name} code; expected {Codes.Expected<T>()}.");
}
