using Stratum.Data.Lots;

namespace Stratum.Data.Tests.Lots;

public sealed class RecallTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Recall_finds_every_session_of_the_lot_in_the_clinic_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await database.ClinicAsync("A");
        var b = await database.ClinicAsync("B");
        var ofA = await database.PatientAsync(a.Id, "Alpha");
        var ofB = await database.PatientAsync(b.Id, "Beta");
        var consentA = await database.ConsentAsync(a.Id, ofA.Id);
        var consentB = await database.ConsentAsync(b.Id, ofB.Id);
        await using (var context = database.Context(ClinicScope.Admin))
        {
            context.Sessions.AddRange(
                Builders.Session(a.Id, ofA.Id, consentA.Id, "LOT-1"),
                Builders.Session(a.Id, ofA.Id, consentA.Id, "LOT-1"),
                Builders.Session(a.Id, ofA.Id, consentA.Id, "LOT-2"),
                Builders.Session(b.Id, ofB.Id, consentB.Id, "LOT-1"));
            await context.SaveChangesAsync(TestDatabase.Cancel);
        }

        await using var scoped = database.Context(ClinicScope.Of(a.Id));
        var recalled = await scoped.SessionsByLotAsync(a.Id, "LOT-1", 1, 10, TestDatabase.Cancel);

        recalled.Total.ShouldBe(2);
        recalled.Patients.ShouldBe(1);
        recalled.Items.Count.ShouldBe(2);
        recalled.Items.ShouldAllBe(s => s.PatientId == ofA.Id && s.FamilyName == "Alpha");
        var second = await scoped.SessionsByLotAsync(a.Id, "LOT-1", 2, 1, TestDatabase.Cancel);
        second.Items.ShouldHaveSingleItem().SessionId.ShouldBe(recalled.Items[1].SessionId, "page 2 of one row each is the second session");
        await Should.ThrowAsync<ClinicScopeViolationException>(() => scoped.SessionsByLotAsync(b.Id, "LOT-1", 1, 10, TestDatabase.Cancel));
    }
}
