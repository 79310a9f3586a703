using System.Globalization;
using System.Net.Mail;

namespace Stratum.Web.Hosting;

/// <summary>The mail server (<c>Stratum:Smtp:*</c>); without a host, messages stay pending.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? UserName, string? Password);

/// <summary>
/// How the outbox sends (DESIGN §5): the SMTP server, how often due messages are looked for
/// (<c>Stratum:Messages:PollSeconds</c>, 60 unless set) and the site address the messages link to
/// (<c>Stratum:Messages:SiteUrl</c>, http://localhost:5080/ unless set). A bad value stops start-up with one line.
/// </summary>
public sealed record OutboxSettings(SmtpSettings? Smtp, TimeSpan Poll, Uri Site)
{
    /// <summary>Why nothing is being sent, for the outbox page; null when mail is set up.</summary>
    public string? NotSendingBecause => Smtp is null
        ? "No mail server is set up (Stratum__Smtp__Host): messages are kept as pending and go out once one is."
        : null;

    public static OutboxSettings From(IConfiguration configuration)
    {
        var poll = Whole(configuration, "Stratum:Messages:PollSeconds", 60, 1, 86_400);
        var site = configuration["Stratum:Messages:SiteUrl"] ?? "http://localhost:5080/";
        if (!Uri.TryCreate(site.EndsWith('/') ? site : site + "/", UriKind.Absolute, out var siteUri) || siteUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Stratum:Messages:SiteUrl '{site}' is not an http or https address.");
        }

        var host = configuration["Stratum:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            return new OutboxSettings(null, TimeSpan.FromSeconds(poll), siteUri);
        }

        var from = configuration["Stratum:Smtp:From"];
        if (string.IsNullOrWhiteSpace(from) || !MailAddress.TryCreate(from.Trim(), out var address) || address.DisplayName.Length > 0 || address.Address != from.Trim())
        {
            throw new InvalidOperationException($"Stratum:Smtp:From '{from}' must be one bare email address when Stratum:Smtp:Host is set.");
        }

        var user = configuration["Stratum:Smtp:UserName"];
        var smtp = new SmtpSettings(host.Trim(), Whole(configuration, "Stratum:Smtp:Port", 25, 1, 65_535), address.Address,
            string.IsNullOrWhiteSpace(user) ? null : user, configuration["Stratum:Smtp:Password"]);
        return new OutboxSettings(smtp, TimeSpan.FromSeconds(poll), siteUri);
    }

    private static int Whole(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} '{text}' must be a whole number from {min} to {max}.");
    }
}
