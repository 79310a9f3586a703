using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Stratum.Web.Api;

/// <summary>
/// A 200 answer written with a result's generated contract (the same bytes as the CLI) into a buffer first, then handed
/// to the response whole, with its Content-Length.
/// </summary>
/// <remarks>
/// Written straight to the response, every code and date field (each goes through its own converter) flushes the writer
/// into Kestrel's output, which takes a lock each time: 17 times for a screening with five findings, about a third of
/// the writing under load. The buffer is kept per thread and reused; nothing is awaited while it is in use, because the
/// response copies it before the flush.
/// </remarks>
public sealed class ContractJsonResult<T>(T value, JsonTypeInfo<T> contract) : IResult, IStatusCodeHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    public T Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var buffer = ContractBuffer.Write(value, contract);
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.Length;
        response.BodyWriter.Write(buffer);
        return response.BodyWriter.FlushAsync(httpContext.RequestAborted).AsTask();
    }
}

/// <summary>The per-thread buffer of <see cref="ContractJsonResult{T}"/>.</summary>
internal static class ContractBuffer
{
    /// <summary>A buffer that grew past this for one large answer is let go rather than kept for the thread's life.</summary>
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The JSON of <paramref name="value"/>; valid until this thread writes the next one.</summary>
    public static ReadOnlySpan<byte> Write<T>(T value, JsonTypeInfo<T> contract)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var options = contract.Options;
        var writer = t_writer is { } kept && kept.Options.Encoder == options.Encoder && kept.Options.Indented == options.WriteIndented
            ? kept
            : t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, contract);
        if (buffer.Capacity > KeptCapacity)
        {
            (t_buffer, t_writer) = (null, null);
        }

        return buffer.WrittenSpan;
    }
}
