using Stratum.Data.Infrastructure;

namespace Stratum.Data.Consents;

/// <summary>
/// A version of a clinic's consent form, as its clinic-admin published it. Never edited: a change is a new version,
/// and the newest is the one patients sign. Consents already signed keep the version they were signed against.
/// </summary>
public sealed class ConsentForm : IClinicOwned
{
    public const int VersionLength = 64;

    public const int TextLength = 20_000;

    private ConsentForm(Guid id, Guid clinicId, string version, string text, string photoText, DateTimeOffset publishedAt, string publishedBy)
    {
        Id = id;
        ClinicId = clinicId;
        Version = version;
        Text = text;
        PhotoText = photoText;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string Version { get; private set; }

    /// <summary>What the patient reads, paragraphs separated by a blank line.</summary>
    public string Text { get; private set; }

    /// <summary>The separate paragraph the patient agrees to, or not, about photographs.</summary>
    public string PhotoText { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The <see cref="Identity.StaffUser"/> id of the clinic-admin who published it.</summary>
    public string PublishedBy { get; private set; }

    public IReadOnlyList<string> Paragraphs => Split(Text);

    public static ConsentForm Publish(Guid clinicId, string version, string text, string photoText, DateTimeOffset publishedAt, string publishedBy) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Text(version, VersionLength, nameof(version)),
        string.Join("\n\n", Split(Guard.Text(text, TextLength, nameof(text)))),
        Guard.Text(photoText, TextLength, nameof(photoText)),
        publishedAt,
        Guard.Text(publishedBy, Limits.UserIdLength, nameof(publishedBy)));

    /// <summary>Paragraphs are separated by blank lines; line breaks inside one are kept as spaces.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))];
}
