using System.Text.Json.Serialization;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Aftercare;

/// <summary>One ingredient of the list as printed, with every class it was given.</summary>
/// <param name="Position">1-based place in the list; null in a "may contain" section.</param>
/// <param name="Recognised">False when the name matches no class and no known name: nothing is known about it (DESIGN §3 Recognition).</param>
/// <param name="MatchedAs">The known name a near-miss spelling was read as (<c>RETIN0L</c> → Retinol); absent when read as written.</param>
public readonly record struct AftercareIngredient(
    int? Position,
    string Inci,
    IReadOnlyList<IngredientClass> Classes,
    bool Recognised,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MatchedAs = null);

/// <summary>An ingredient the checker does not know: the product cannot be called fine while it is in the list.</summary>
public sealed record UnrecognisedIngredient(int? Position, string Inci);

/// <summary>An ingredient to avoid or be careful with, and from when it is fine.</summary>
/// <param name="Class">An ingredient class code, or <c>personal</c> for a name on the person's own avoid list.</param>
/// <param name="WindowHours">Hours after treatment from which this ingredient is fine; null when it never is (personal avoid list).</param>
/// <param name="Open">Whether the window is still open at <c>hoursSinceTreatment</c> (open while hours &lt; windowHours).</param>
public sealed record AftercareFlag(
    string Inci,
    int? Position,
    string Class,
    AftercareVerdict Severity,
    int? WindowHours,
    bool Open,
    string Reason,
    IReadOnlyList<string> Sources,
    SourceStatus Evidence);

/// <summary>A recognised helpful ingredient (ingredients.md §7): a recommended type, not an endorsement of the product.</summary>
public sealed record AftercareBenefit(string Inci, IngredientClass Class, string Reason);

/// <summary>
/// The product check (DESIGN §3 <c>stratum aftercare</c>). With an unrecognised ingredient the verdict is never <c>ok</c>. <see cref="UsableFromHours"/> is the largest window among the
/// flags, counted from the treatment (0 when nothing is flagged, null when a personal avoid-list ingredient means never).
/// </summary>
/// <param name="Name">The product's name, when one was given (routine and batch).</param>
/// <param name="TreatedAt">The treatment time, when the hours were computed from it; <see cref="UsableFrom"/> is then the clock time.</param>
public sealed record AftercareResult(
    AftercareVerdict Verdict,
    decimal HoursSinceTreatment,
    int? UsableFromHours,
    string Summary,
    IReadOnlyList<AftercareIngredient> Ingredients,
    IReadOnlyList<AftercareFlag> Flags,
    IReadOnlyList<AftercareBenefit> Benefits,
    IReadOnlyList<UnrecognisedIngredient> Unrecognised,
    string KnowledgeVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? TreatedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? UsableFrom = null);

/// <summary>A product of a routine that can be used now and brings helpful ingredients.</summary>
public sealed record UseNow(string Name, IReadOnlyList<IngredientClass> Benefits);

/// <summary>Several products checked against one treatment time: which may be used from when, and the helpful ones to use now.</summary>
public sealed record RoutineResult(
    decimal HoursSinceTreatment,
    IReadOnlyList<AftercareResult> Products,
    IReadOnlyList<UseNow> UseNow,
    string Summary,
    string KnowledgeVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? TreatedAt = null);
