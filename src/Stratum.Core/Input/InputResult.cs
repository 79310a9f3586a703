namespace Stratum.Core.Input;

/// <summary>One problem with the input: the JSON path of the bad field and what is wrong with it.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Either a parsed value or the list of everything wrong with the input (never both).</summary>
public sealed class InputResult<T> where T : class
{
    private readonly T? _value;

    private InputResult(T? value, IReadOnlyList<InputError> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<InputError> Errors { get; }

    public bool IsValid => _value is not null;

    public T Value => _value ?? throw new InvalidOperationException("The input is invalid: " + string.Join("; ", Errors));

    public static InputResult<T> Valid(T value) => new(value, []);

    public static InputResult<T> Invalid(IReadOnlyList<InputError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return _value is not null;
    }
}
