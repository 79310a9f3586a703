using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Stratum.Data.Consents;

namespace Stratum.Web.Consents;

/// <summary>What the signed consent document shows.</summary>
/// <param name="SignedAt">In the clinic's time zone, as the patient saw the clock.</param>
/// <param name="SignaturePng">The drawn signature, already decoded and re-encoded; null for a typed name.</param>
public sealed record SignedConsent(Guid ConsentId, string Clinic, string Patient, DateOnly BirthDate, ConsentFormVersion Form, string SignedBy, DateTimeOffset SignedAt, bool PhotoConsent, string Witness, byte[]? SignaturePng);

/// <summary>
/// Renders a signed consent as an A4 PDF with PDFsharp: the form's text as the patient read it, each statement ticked,
/// the answer on photographs, who signed and when, and the drawn signature. The fonts are embedded in the assembly,
/// so the document looks the same on every host.
/// </summary>
public static class ConsentPdf
{
    private const string Family = "DejaVu Sans";
    private const double Margin = 56;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    static ConsentPdf() => GlobalFontSettings.FontResolver = new EmbeddedFonts();

    public static byte[] Render(SignedConsent consent)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{consent.Form.Title}: {consent.Patient}";
        document.Info.Author = consent.Clinic;
        document.Info.CreationDate = consent.SignedAt.UtcDateTime;
        var writer = new PageWriter(document);
        var regular = new XFont(Family, 10);
        var bold = new XFont(Family, 10, XFontStyleEx.Bold);

        writer.Paragraph(consent.Form.Title, new XFont(Family, 15, XFontStyleEx.Bold), after: 6);
        writer.Paragraph($"{consent.Clinic} · form version {consent.Form.Version}" + (consent.Form.PublishedAt is { } published ? $", published {published:yyyy-MM-dd}" : ""), regular);
        writer.Paragraph($"Patient: {consent.Patient}, born {consent.BirthDate.ToString("d MMMM yyyy", Culture)}", bold, after: 12);
        foreach (var paragraph in consent.Form.Text)
        {
            writer.Paragraph(paragraph, regular);
        }

        writer.Paragraph("Photographs", bold, after: 2);
        writer.Paragraph(consent.Form.PhotoText, regular, after: 2);
        writer.Paragraph(consent.PhotoConsent ? "[x] I agree to photographs." : "[ ] I do not agree to photographs.", bold, after: 12);
        foreach (var statement in consent.Form.Statements)
        {
            writer.Paragraph("[x] " + statement, regular, after: 4);
        }

        writer.Space(10);
        writer.Paragraph($"Signed by {consent.SignedBy} on {consent.SignedAt.ToString("d MMMM yyyy 'at' HH:mm", Culture)} (UTC{consent.SignedAt:zzz}).", bold, after: 4);
        if (consent.SignaturePng is { } png)
        {
            using var image = XImage.FromStream(new MemoryStream(png, writable: false));
            writer.Image(image, maxWidth: 240, maxHeight: 90);
        }
        else
        {
            writer.Paragraph("Signature: the name above, typed by the signer.", regular);
        }

        writer.Paragraph($"Witnessed by {consent.Witness}. Consent {consent.ConsentId}.", new XFont(Family, 8), after: 0);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Writes wrapped paragraphs down A4 pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private double Width => _page!.Width.Point - 2 * Margin;

        public void Paragraph(string text, XFont font, double after = 8)
        {
            var lineHeight = font.GetHeight() * 1.25;
            foreach (var line in Lines(text, font))
            {
                Room(lineHeight);
                _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }

            _y += after;
        }

        public void Space(double points) => _y += points;

        public void Image(XImage image, double maxWidth, double maxHeight)
        {
            var scale = Math.Min(1, Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight));
            var height = image.PointHeight * scale;
            Room(height);
            _graphics!.DrawRectangle(XPens.Gray, Margin - 2, _y - 2, image.PointWidth * scale + 4, height + 4);
            _graphics.DrawImage(image, Margin, _y, image.PointWidth * scale, height);
            _y += height + 10;
        }

        private void Room(double height)
        {
            if (_page is null || _y + height > _page.Height.Point - Margin)
            {
                _graphics?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }
        }

        private IEnumerable<string> Lines(string text, XFont font)
        {
            Room(0);
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var longer = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _graphics!.MeasureString(longer, font).Width > Width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = longer;
                }
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>DejaVu Sans regular and bold from the assembly's resources (licence beside the files).</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(ConsentPdf).Assembly.GetManifestResourceStream($"Stratum.Web.Consents.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"the font {faceName} is not embedded");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
