namespace Stratum.Web.Hosting;

/// <summary>The server's day: what "today" means for a screening, a session or a plan entered now.</summary>
public static class Clock
{
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
