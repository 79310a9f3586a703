using CsvHelper;

namespace Stratum.Web.Api;

/// <summary>The sessions of a lot as CSV, for the recall letters: written row by row as they are read.</summary>
internal static class RecallCsv
{
    // A name typed as "=HYPERLINK(…)" must stay text in a spreadsheet.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static async Task WriteAsync(HttpResponse response, string lot, IAsyncEnumerable<Data.Lots.RecalledSession> sessions, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        var name = new string([.. lot.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        response.Headers.ContentDisposition = $"attachment; filename=\"lot-{name}-sessions.csv\"";
        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        csv.WriteHeader(["session_date", "family_name", "given_name", "patient_id", "session_id", "lot_expiry", "phone", "email"]);
        await foreach (var s in sessions.WithCancellation(ct))
        {
            csv.WriteField(s.Date, "yyyy-MM-dd");
            csv.WriteField(s.FamilyName);
            csv.WriteField(s.GivenName);
            csv.WriteField(s.PatientId, "D");
            csv.WriteField(s.SessionId, "D");
            csv.WriteField(s.LotExpiry, "yyyy-MM-dd");
            csv.WriteField(s.Phone);
            csv.WriteField(s.Email);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
