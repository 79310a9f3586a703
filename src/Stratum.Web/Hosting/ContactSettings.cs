using Stratum.Data.Patients;

namespace Stratum.Web.Hosting;

/// <summary>
/// How phone numbers typed without a country code are read: as numbers of <see cref="DefaultRegion"/>
/// (<c>Stratum:Contacts:DefaultRegion</c>, an ISO 3166 code, GB unless set).
/// </summary>
public sealed record ContactSettings(string DefaultRegion)
{
    public static ContactSettings From(IConfiguration configuration)
    {
        var region = (configuration["Stratum:Contacts:DefaultRegion"] ?? "GB").Trim().ToUpperInvariant();
        return Contact.IsRegion(region)
            ? new ContactSettings(region)
            : throw new InvalidOperationException($"Stratum:Contacts:DefaultRegion '{region}' is not a region code for phone numbers (e.g. GB, US, DE).");
    }
}
