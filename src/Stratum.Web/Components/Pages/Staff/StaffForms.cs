using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Web.Api;

namespace Stratum.Web.Components.Pages.Staff;

/// <summary>
/// Staff forms hand what was typed to the API's own handlers as a JSON body, so a form and the API validate, audit and
/// write alike. This turns typed strings into JSON values and the handler's problems back into messages beside the fields.
/// </summary>
public static class StaffForms
{
    public static JsonBody Body(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return JsonBody.FromUtf8(buffer.WrittenMemory);
    }

    /// <summary>Text as typed; an empty field is left out, so the handler says "required" where it is.</summary>
    public static void Text(this Utf8JsonWriter writer, string name, string? typed)
    {
        if (!string.IsNullOrWhiteSpace(typed))
        {
            writer.WriteString(name, typed.Trim());
        }
    }

    /// <summary>Text as typed; an empty field is sent as null, which an update reads as "remove it".</summary>
    public static void TextOrNull(this Utf8JsonWriter writer, string name, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, typed.Trim());
        }
    }

    /// <summary>A number when the typed text reads as one (a decimal comma too); otherwise the text, which the handler names as not a number.</summary>
    public static void Number(this Utf8JsonWriter writer, string name, string? typed)
    {
        if (FormValues.TryDecimal(typed, out var value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.Text(name, typed);
        }
    }

    /// <summary>
    /// The handler's field problems as messages by form field id; <paramref name="fieldOf"/> maps a JSON path
    /// ("$.lot.number") to the id, and a problem with no field of its own goes to <paramref name="fallback"/>.
    /// </summary>
    public static void AddErrors(this Dictionary<string, string> errors, ValidationProblem problem, Func<string, string?> fieldOf, string fallback)
    {
        foreach (var (path, messages) in problem.ProblemDetails.Errors)
        {
            var field = fieldOf(path) ?? fallback;
            if (!errors.ContainsKey(field))
            {
                errors[field] = Sentence(messages[0]);
            }
        }
    }

    /// <summary>An answer the form has no field for (a record gone, a conflict), as one message under the form, with its status.</summary>
    public static void AddUnexpected(this Dictionary<string, string> errors, IResult? result, string field, HttpContext http)
    {
        errors[field] = Reason(result);
        http.Answer((result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status500InternalServerError);
    }

    /// <summary>Why an answer is not a success, in a sentence.</summary>
    public static string Reason(IResult? result) => result switch
    {
        ValidationProblem { ProblemDetails.Errors: var errors } when errors.Count > 0 => Sentence(errors.First().Value[0]),
        ProblemHttpResult { ProblemDetails: var details } => details.Detail ?? details.Title ?? "The server refused it.",
        _ => "The server could not do this; nothing was stored.",
    };

    /// <summary>Marks the answer as a form with errors (400) or a refusal (409); the page itself is the body.</summary>
    public static void Answer(this HttpContext http, int status) => http.Response.StatusCode = status;

    /// <summary>A handler's message ("is required", "must be …") as a sentence beside a field.</summary>
    public static string Sentence(string message) =>
        message == "is required" ? "Required." : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
