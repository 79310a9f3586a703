using Stratum.Core.Reports;

namespace Stratum.Core.Tests.Reports;

public sealed class AdverseEventRateTests
{
    private static readonly ReportSession[] Sessions =
    [
        new(Guid.NewGuid(), "LOT-A", "SkinPen Precision", "anna@clinic.test"),
        new(Guid.NewGuid(), "LOT-A", "SkinPen Precision", "ben@clinic.test"),
        new(Guid.NewGuid(), "LOT-A", "Dermapen 4", "anna@clinic.test"),
        new(Guid.NewGuid(), "LOT-B", "Dermapen 4", "anna@clinic.test"),
    ];

    [Fact]
    public void Each_lot_gets_its_adverse_events_per_100_of_its_sessions_highest_rate_first()
    {
        var report = AdverseEventRates.Compute(ReportGrouping.Lot, Sessions, [Sessions[0].Id, Sessions[0].Id, Sessions[3].Id], unlinked: 0);

        report.Rows.ShouldBe(
        [
            new RateRow("LOT-B", 1, 1, 100.0m),
            new RateRow("LOT-A", 3, 2, 66.7m),
        ]);
        report.Total.ShouldBe(new RateRow("all sessions", 4, 3, 75.0m));
    }

    [Fact]
    public void Grouping_by_clinician_or_device_counts_the_same_events_under_other_heads()
    {
        var events = new[] { Sessions[1].Id, Sessions[2].Id };

        AdverseEventRates.Compute(ReportGrouping.Clinician, Sessions, events, 0).Rows.ShouldBe(
            [new RateRow("ben@clinic.test", 1, 1, 100.0m), new RateRow("anna@clinic.test", 3, 1, 33.3m)]);
        AdverseEventRates.Compute(ReportGrouping.Device, Sessions, events, 0).Rows.ShouldBe(
            [new RateRow("Dermapen 4", 2, 1, 50.0m), new RateRow("SkinPen Precision", 2, 1, 50.0m)]);
    }

    [Fact]
    public void Events_without_a_session_are_counted_apart_and_in_no_rate()
    {
        var report = AdverseEventRates.Compute(ReportGrouping.Lot, Sessions, [], unlinked: 2);

        report.UnlinkedAdverseEvents.ShouldBe(2);
        report.Total.AdverseEvents.ShouldBe(0);
        report.Rows.ShouldAllBe(r => r.RatePer100 == 0m);
    }

    [Fact]
    public void A_period_without_sessions_has_no_groups_and_a_zero_rate_rather_than_a_division_by_zero()
    {
        var report = AdverseEventRates.Compute(ReportGrouping.Device, [], [], unlinked: 1);

        report.Rows.ShouldBeEmpty();
        report.Total.ShouldBe(new RateRow("all sessions", 0, 0, 0m));
    }
}
