using System.Buffers;
using Stratum.Core.Input;
using Stratum.Core.Knowledge;

namespace Stratum.Core.Aftercare;

/// <summary>
/// What the caller knows besides the input: the current time and, from command-line options or a form, the hours since
/// treatment or the treatment time and a personal avoid list. Values in the input itself take precedence.
/// </summary>
public sealed record AftercareContext(DateTime Now, decimal? Hours = null, DateTime? TreatedAt = null, IReadOnlyList<string>? Avoid = null)
{
    /// <summary>An avoid list typed as one line ("Niacinamide, Linalool"): commas and semicolons separate, except inside a number (<c>1,2-Hexanediol</c>).</summary>
    public static IReadOnlyList<string> SplitAvoid(string text)
    {
        var names = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || (text[i] is ',' or ';' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])));
            if (end)
            {
                var name = text[start..i].Trim();
                if (name.Length > 0)
                {
                    names.Add(name);
                }

                start = i + 1;
            }
        }

        return names;
    }
}

/// <summary>A batch line that could not be read, written in its place in the output.</summary>
public sealed record BatchError(int Line, IReadOnlyList<InputError> Errors);

/// <summary>When the treatment was: hours since it, and the clock time when known.</summary>
public sealed record TreatmentTime(decimal HoursSinceTreatment, DateTime? TreatedAt);

/// <summary>One product to check: its parsed list and the time since treatment.</summary>
public sealed record AftercareRequest(InciList List, TreatmentTime Time, IReadOnlyList<string> Avoid, string? Name = null)
{
    /// <summary>Ten years, as for triage: later than that is no longer aftercare, and more likely a typo.</summary>
    public const decimal MaxHours = 87_600m;

    /// <summary>Far more than any real product lists; a longer list is not an ingredient list.</summary>
    public const int MaxIngredients = 1_000;

    public const int MaxNameLength = 200;

    public const int MaxAvoid = 100;

    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not '\n' and not '\r' and not '\t'), '\u007F']);

    /// <summary>Control characters other than line breaks and tabs, and the replacement character left by invalid UTF-8.</summary>
    private static readonly SearchValues<char> NotText = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not '\n' and not '\r' and not '\t'), .. Enumerable.Range(0x7F, 33).Select(c => (char)c), '\uFFFD']);

    /// <summary>
    /// Reads <c>{ "inci", "hoursSinceTreatment" | "treatedAt" (+ "now"), "avoid", "name" }</c>, or plain INCI text
    /// when the input does not start with <c>{</c>.
    /// </summary>
    public static InputResult<AftercareRequest> Parse(JsonText input, KnowledgeBase knowledge, AftercareContext context)
    {
        var text = input.AsString();
        if (text is not null && !text.AsSpan().TrimStart().StartsWith('{'))
        {
            return Plain(text, null, "$", knowledge, context);
        }

        return JsonInput.Parse(text, o =>
        {
            var inci = o.Text("inci", JsonInput.MaxLength, required: true);
            var name = o.Text("name", MaxNameLength);
            var time = ReadTime(o, context);
            var avoid = ReadAvoid(o, context);
            if (inci is null || time is null || o.HasErrors)
            {
                return null;
            }

            var list = Read(inci, "$.inci", knowledge, out var error);
            if (list is null)
            {
                o.Error("inci", error!);
                return null;
            }

            return new AftercareRequest(list, time, avoid, name);
        });
    }

    /// <summary>Plain INCI text with the time from <paramref name="context"/>; <paramref name="path"/> names it in errors.</summary>
    public static InputResult<AftercareRequest> Plain(string text, string? name, string path, KnowledgeBase knowledge, AftercareContext context)
    {
        var time = ContextTime(context, out var timeError);
        if (time is null)
        {
            return InputResult<AftercareRequest>.Invalid([timeError!]);
        }

        var list = Read(text, path, knowledge, out var error);
        return list is null
            ? InputResult<AftercareRequest>.Invalid([new InputError(path, error!)])
            : InputResult<AftercareRequest>.Valid(new AftercareRequest(list, time, context.Avoid ?? [], name));
    }

    /// <summary>Checks and parses one ingredient list; the error says what is wrong with the text as a whole.</summary>
    internal static InciList? Read(string text, string path, KnowledgeBase knowledge, out string? error)
    {
        error = Problem(text);
        if (error is not null)
        {
            return null;
        }

        var list = knowledge.Ingredients.Parser.Parse(text, MaxIngredients);
        error = list.TooMany ? $"has more than {MaxIngredients:N0} ingredients; give one product's list at a time"
            : list.Ingredients.Count == 0 ? "no ingredients found; paste the product's ingredient list (names separated by commas)"
            : null;
        return error is null ? list : null;
    }

    private static string? Problem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "is empty; paste the product's ingredient list";
        }

        if (text.Length > JsonInput.MaxLength)
        {
            return $"is too large ({text.Length:N0} characters; at most {JsonInput.MaxLength:N0})";
        }

        // ASCII text (nearly every list) needs only the vectorised search for ASCII control characters.
        var bad = text.AsSpan().IndexOfAny(AsciiControls);
        if (bad < 0 && !System.Text.Ascii.IsValid(text))
        {
            bad = text.AsSpan().IndexOfAny(NotText);
        }

        if (bad >= 0)
        {
            return text[bad] == '\0'
                ? "contains a NUL character; this looks like a binary file, not an ingredient list"
                : "contains control characters or invalid text; this looks like a binary file, not an ingredient list";
        }

        return null;
    }

    internal static TreatmentTime? ReadTime(ObjectReader o, AftercareContext context)
    {
        var hours = o.Number("hoursSinceTreatment", 0m, MaxHours);
        var treatedAt = o.DateTime("treatedAt");
        var now = o.DateTime("now") ?? context.Now;
        if (hours is not null && treatedAt is not null)
        {
            o.Error("treatedAt", "give either hoursSinceTreatment or treatedAt, not both");
            return null;
        }

        if (treatedAt is { } at)
        {
            var time = Since(at, now, out var problem);
            if (problem is not null)
            {
                o.Error("treatedAt", problem);
            }

            return time;
        }

        return hours is { } given ? new TreatmentTime(given, null) : o.HasErrors ? null : ContextTime(context, out _);
    }

    internal static IReadOnlyList<string> ReadAvoid(ObjectReader o, AftercareContext context) =>
        [.. o.Texts("avoid", MaxNameLength, MaxAvoid), .. context.Avoid ?? []];

    private static TreatmentTime? ContextTime(AftercareContext context, out InputError? error)
    {
        error = null;
        if (context.TreatedAt is not { } at)
        {
            return new TreatmentTime(context.Hours ?? 0m, null);
        }

        var time = Since(at, context.Now, out var problem);
        error = problem is null ? null : new InputError("--treated-at", problem);
        return time;
    }

    /// <summary>The time since <paramref name="at"/>, or null with the problem: a treatment after now, or more than ten years ago.</summary>
    private static TreatmentTime? Since(DateTime at, DateTime now, out string? problem)
    {
        var since = HoursBetween(at, now);
        problem = since is null ? $"{at:yyyy-MM-dd HH:mm} is after now ({now:yyyy-MM-dd HH:mm})"
            : since > MaxHours ? $"is more than {MaxHours:N0} hours (ten years) ago"
            : null;
        return problem is null ? new TreatmentTime(since!.Value, at) : null;
    }

    /// <summary>Hours from <paramref name="from"/> to <paramref name="to"/> to the minute; null when <paramref name="to"/> is earlier.</summary>
    private static decimal? HoursBetween(DateTime from, DateTime to) =>
        to < from ? null : Math.Round((decimal)(to - from).Ticks / TimeSpan.TicksPerHour, 4);
}

/// <summary>Several products against one treatment time (<c>stratum aftercare routine</c>).</summary>
public sealed record RoutineRequest(IReadOnlyList<AftercareRequest> Products, TreatmentTime Time)
{
    public const int MaxProducts = 50;

    /// <summary>
    /// Reads <c>{ "products": [{ "name", "inci" }], "hoursSinceTreatment" | "treatedAt", "avoid" }</c>, or lines of
    /// <c>name&lt;TAB&gt;inci</c> with the time from <paramref name="context"/>.
    /// </summary>
    public static InputResult<RoutineRequest> Parse(JsonText input, KnowledgeBase knowledge, AftercareContext context)
    {
        var text = input.AsString();
        if (text is not null && !text.AsSpan().TrimStart().StartsWith('{'))
        {
            return Lines(text, knowledge, context);
        }

        return JsonInput.Parse(text, o =>
        {
            var time = AftercareRequest.ReadTime(o, context);
            var avoid = AftercareRequest.ReadAvoid(o, context);
            var products = o.Objects("products", p =>
            {
                var name = p.Text("name", AftercareRequest.MaxNameLength, required: true);
                var inci = p.Text("inci", JsonInput.MaxLength, required: true);
                if (name is null || inci is null || time is null)
                {
                    return null;
                }

                var list = AftercareRequest.Read(inci, $"{p.Path}.inci", knowledge, out var error);
                if (list is null)
                {
                    p.Error("inci", error!);
                    return null;
                }

                return new AftercareRequest(list, time, avoid, name);
            }, MaxProducts);
            if (!o.HasErrors && products.Count == 0)
            {
                o.Error("products", "needs at least one product");
            }

            return time is null || o.HasErrors ? null : new RoutineRequest(products, time);
        });
    }

    private static InputResult<RoutineRequest> Lines(string text, KnowledgeBase knowledge, AftercareContext context)
    {
        var products = new List<AftercareRequest>();
        var errors = new List<InputError>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var product = BatchLine.Parse(line.TrimEnd('\r'), number, knowledge, context);
            if (product.TryGetValue(out var request))
            {
                products.Add(request);
            }
            else
            {
                errors.AddRange(product.Errors);
            }
        }

        if (errors.Count == 0 && products.Count == 0)
        {
            errors.Add(new InputError("$", "no products; give one product per line as name<TAB>ingredient list, or JSON { \"products\": [...] }"));
        }
        else if (products.Count > MaxProducts)
        {
            errors.Add(new InputError("$", $"has {products.Count} products; at most {MaxProducts}"));
        }

        return errors.Count > 0
            ? InputResult<RoutineRequest>.Invalid(errors)
            : InputResult<RoutineRequest>.Valid(new RoutineRequest(products, products[0].Time));
    }
}

/// <summary>One line of batch input: <c>name&lt;TAB&gt;inci</c>.</summary>
public static class BatchLine
{
    public static InputResult<AftercareRequest> Parse(string line, int number, KnowledgeBase knowledge, AftercareContext context)
    {
        var path = $"line {number}";
        var tab = line.IndexOf('\t');
        if (tab < 0)
        {
            return InputResult<AftercareRequest>.Invalid([new InputError(path, "expected name<TAB>ingredient list; no tab found")]);
        }

        var name = line[..tab].Trim();
        if (name.Length == 0 || name.Length > AftercareRequest.MaxNameLength)
        {
            return InputResult<AftercareRequest>.Invalid([new InputError(path, name.Length == 0
                ? "the product name before the tab is empty"
                : $"the product name is too long ({name.Length} characters; at most {AftercareRequest.MaxNameLength})")]);
        }

        return AftercareRequest.Plain(line[(tab + 1)..], name, path, knowledge, context);
    }
}
