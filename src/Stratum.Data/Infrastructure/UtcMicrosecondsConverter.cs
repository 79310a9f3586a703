using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Stratum.Data.Infrastructure;

/// <summary>A point in time as microseconds since 1970-01-01 UTC; the offset is dropped, ticks below a microsecond too.</summary>
public sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond,
    stored => DateTimeOffset.UnixEpoch.AddTicks(stored * TimeSpan.TicksPerMicrosecond));
