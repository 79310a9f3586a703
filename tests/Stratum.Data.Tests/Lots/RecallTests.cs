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
        var recalled = await scoped.SessionsByLotAsync(a.Id, "LOT-1", TestDatabase.Cancel);

        recalled.Count.ShouldBe(2);
        recalled.ShouldAllBe(s => s.PatientId == ofA.Id && s.FamilyName == "Alpha");
        await Should.ThrowAsync<ClinicScopeViolationException>(() => scoped.SessionsByLotAsync(b.Id, "LOT-1", TestDatabase.Cancel));
    }
}
