using System.Text;
using System.Text.Json;

namespace Stratum.Core.Input;

/// <summary>
/// A JSON document as it was given: text (the CLI, the staff forms), or the UTF-8 bytes of a request body, which are
/// parsed as they are instead of being decoded to a string and encoded again.
/// </summary>
public readonly struct JsonText
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly bool _isUtf8;

    public JsonText(string? text) => _text = text;

    private JsonText(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        _isUtf8 = true;
    }

    /// <summary>UTF-8 without a byte-order mark; the bytes must stay as they are while the text is in use.</summary>
    public static JsonText FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    public static implicit operator JsonText(string? text) => new(text);

    /// <summary>Nothing, or only white space.</summary>
    public bool IsBlank => _isUtf8 ? _utf8.Span.Trim(" \t\r\n"u8).IsEmpty : string.IsNullOrWhiteSpace(_text);

    /// <summary>The length in characters; UTF-8 is counted only when it has more bytes than <paramref name="limit"/>.</summary>
    public bool IsLongerThan(int limit, out int length)
    {
        length = !_isUtf8 ? _text?.Length ?? 0
            : _utf8.Length <= limit ? _utf8.Length
            : Encoding.UTF8.GetCharCount(_utf8.Span);
        return length > limit;
    }

    /// <summary>The text itself; UTF-8 is decoded.</summary>
    public string? AsString() => _isUtf8 ? Encoding.UTF8.GetString(_utf8.Span) : _text;

    internal JsonDocument Parse(JsonDocumentOptions options) =>
        _isUtf8 ? JsonDocument.Parse(_utf8, options) : JsonDocument.Parse(_text!, options);
}
