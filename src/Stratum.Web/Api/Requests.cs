using System.Buffers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Stratum.Core.Input;
using Stratum.Data.Audit;
using Stratum.Web.Security;

namespace Stratum.Web.Api;

/// <summary>What every endpoint shares: reading a JSON body with Core's strict reader, problem answers, the audit trail.</summary>
public static class Requests
{
    /// <summary>The body parsed by <paramref name="parse"/>, or the problems with it (size limit included).</summary>
    public static InputResult<T> Read<T>(JsonBody body, Func<JsonText, InputResult<T>> parse) where T : class =>
        body.Json is { } json
            ? parse(json)
            : InputResult<T>.Invalid([new InputError("$", $"the input is too large (more than {JsonInput.MaxLength:N0} characters)")]);

    /// <summary>A JSON object body read field by field with Core's <see cref="ObjectReader"/>.</summary>
    public static InputResult<T> ReadObject<T>(JsonBody body, Func<ObjectReader, T?> read) where T : class =>
        Read(body, text => JsonInput.Parse(text, read));

    /// <summary>The errors as RFC 9457 problem details, one entry per JSON path.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<InputError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => e.ToString())),
            title: "The input is invalid.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");

    /// <summary>A stale write: someone changed the record since it was read.</summary>
    public static ProblemHttpResult Stale(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {what} was changed by someone else.",
            detail: "Reload it and apply your change again; nothing was overwritten.");

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions);

    /// <summary>The signed-in user's id, as sessions, consents and appointments record who did it.</summary>
    public static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    /// <summary>The signed-in user's clinic; null for the admin.</summary>
    public static Guid? ClinicOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimNames.Clinic), out var clinic) ? clinic : null;

    /// <summary>Appends an audit entry for patient data to the clinic's chain; it is saved with the next SaveChanges.</summary>
    public static void Audit(this AuditTrail trail, HttpContext http, Guid clinicId, AuditAction action, string entity, object? entityId, Guid? patientId, AuditOutcome outcome = AuditOutcome.Success) =>
        trail.Append(Record(http, clinicId, action, entity, entityId, patientId, outcome));

    /// <summary>Writes an audit entry on its own, for reads and refusals that change nothing else; returns once it is durable.</summary>
    public static Task AuditNowAsync(this AuditTrail trail, HttpContext http, Guid clinicId, AuditAction action, string entity, object? entityId, Guid? patientId, AuditOutcome outcome, CancellationToken ct) =>
        trail.WriteAsync(Record(http, clinicId, action, entity, entityId, patientId, outcome), ct);

    private static AuditRecord Record(HttpContext http, Guid clinicId, AuditAction action, string entity, object? entityId, Guid? patientId, AuditOutcome outcome) => new(
        clinicId,
        http.User.FindFirstValue(ClaimTypes.NameIdentifier),
        action,
        entity,
        entityId?.ToString(),
        patientId,
        outcome,
        http.Connection.RemoteIpAddress?.ToString());
}

/// <summary>
/// A request body for Core's strict parsers. The API binds it from the request as UTF-8, which is parsed as it is: a
/// body of more than <see cref="JsonInput.MaxLength"/> characters leaves <see cref="Json"/> null, and reading stops past
/// three bytes a character. The staff pages build one from what was typed in a form, so a form and the API share one
/// validation and one write path.
/// </summary>
/// <remarks>
/// A bound body's bytes are rented from the shared pool and given back when the request ends: what a parser keeps
/// (codes, numbers, strings) is copied out of them, and every request would otherwise leave its body to the collector.
/// </remarks>
public sealed class JsonBody : IDisposable
{
    /// <summary>At most this many bytes are buffered: the UTF-8 of <see cref="JsonInput.MaxLength"/> characters.</summary>
    private const long MaxBytes = 3L * JsonInput.MaxLength;

    private static readonly JsonBody TooLarge = new((JsonText?)null);

    private byte[]? _rented;

    private JsonBody(JsonText? json, byte[]? rented = null)
    {
        Json = json;
        _rented = rented;
    }

    public JsonBody(string text)
        : this(new JsonText(text))
    {
    }

    /// <summary>The document; null when it is too large.</summary>
    public JsonText? Json { get; }

    /// <summary>UTF-8 (RFC 8259), e.g. as a form wrote it; copied, so the caller may reuse its buffer.</summary>
    public static JsonBody FromUtf8(ReadOnlyMemory<byte> utf8) => Limited(new ReadOnlySequence<byte>(utf8), rent: false);

    /// <summary>The body as UTF-8 (RFC 8259), a leading byte-order mark skipped; read from the request's pipe.</summary>
    public static async ValueTask<JsonBody> BindAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            return TooLarge;
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return TooLarge;
            }

            if (read.IsCanceled)
            {
                throw new OperationCanceledException("Reading the request body was cancelled.");
            }

            if (read.IsCompleted)
            {
                var body = Limited(buffer, rent: true);
                reader.AdvanceTo(buffer.End);
                context.Response.RegisterForDispose(body);
                return body;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Gives a rented buffer back to the pool; the body is read no more after its request.</summary>
    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;

            // Cleared: a body may hold a password or a patient's name, and the pool lends its arrays to any code.
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>
    /// The bytes copied out of the pipe (the document refers to them), or no document when they hold more than
    /// <see cref="JsonInput.MaxLength"/> characters (counted without making a string).
    /// </summary>
    private static JsonBody Limited(ReadOnlySequence<byte> bytes, bool rent)
    {
        var bom = new SequenceReader<byte>(bytes);
        if (bom.IsNext(Encoding.UTF8.Preamble, advancePast: true))
        {
            bytes = bytes.Slice(bom.Position);
        }

        // A byte is at most one character: only a longer body needs counting.
        if (bytes.Length > JsonInput.MaxLength && CharCount(bytes) > JsonInput.MaxLength)
        {
            return TooLarge;
        }

        if (!rent)
        {
            return new JsonBody(JsonText.FromUtf8(bytes.ToArray()));
        }

        var length = (int)bytes.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        bytes.CopyTo(rented);
        return new JsonBody(JsonText.FromUtf8(rented.AsMemory(0, length)), rented);
    }

    private static long CharCount(ReadOnlySequence<byte> bytes)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var count = 0L;
        foreach (var segment in bytes)
        {
            count += decoder.GetCharCount(segment.Span, flush: false);
        }

        return count + decoder.GetCharCount([], flush: true);
    }
}
