using Stratum.Core.Knowledge;
using Stratum.Core.Messages;
using Stratum.Core.Vocabulary;

namespace Stratum.Core.Tests.Messages;

/// <summary>The patient messages of DESIGN §5, written from records.json with the aftercare windows of ingredients.json.</summary>
public sealed class PatientMessageTests
{
    // Treated on Wednesday 25 November 2026 at 10:00.
    private static readonly DateTimeOffset TreatedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Uri Triage = new("https://clinic.example/triage");

    private static MessageContent Write(MessageKind kind, double hoursAfter, KnowledgeBase? knowledge = null, string clinic = "North") =>
        PatientMessages.Compose(knowledge ?? KnowledgeBase.Default, new MessageFacts(kind, clinic, "Maja", TreatedAt, null, TreatedAt.AddHours(hoursAfter), Triage));

    [Fact]
    public void Aftercare_the_day_after_names_every_class_with_an_open_window_and_when_it_closes()
    {
        var message = Write(MessageKind.Aftercare24h, 24);

        message.Text.ShouldContain("Until Saturday 28 November 2026 at 10:00, do not put products on the treated skin that contain retinoids (retinol, retinal, tretinoin), exfoliating acids");
        foreach (var c in KnowledgeBase.Default.Ingredients.Data.Classes.Where(c => c.WindowHours is not null))
        {
            message.Text.ShouldContain(KnowledgeBase.Default.Records.Messages.NameOf(c.Code));
        }

        message.Text.ShouldNotContain("hyaluronic", Case.Insensitive);
        message.Text.ShouldContain("https://clinic.example/triage");
        message.Text.ShouldNotContain("{", Case.Sensitive);
    }

    [Fact]
    public void Aftercare_after_three_days_says_the_wait_is_over_once_every_window_has_closed()
    {
        var message = Write(MessageKind.Aftercare72h, 72);

        message.Text.ShouldNotContain("Until ");
        message.Text.ShouldContain("The wait after treatment for retinoids (retinol, retinal, tretinoin),");
        PatientMessages.OpenWindows(KnowledgeBase.Default, TreatedAt, TreatedAt.AddHours(72)).ShouldBeEmpty();
    }

    [Fact]
    public void A_window_a_clinic_lengthened_is_still_named_in_the_three_day_message_with_its_own_end()
    {
        var text = KnowledgeBase.ReadEmbedded(KnowledgeBase.IngredientsFile);
        var longer = text.Replace("\"code\": \"retinoid\",\n      \"windowHours\": 72", "\"code\": \"retinoid\",\n      \"windowHours\": 120", StringComparison.Ordinal);
        longer.ShouldNotBe(text);
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.IngredientsFile ? longer : null, out var clinic, out var errors).ShouldBeTrue(string.Join("; ", errors));

        var message = Write(MessageKind.Aftercare72h, 72, clinic);

        message.Text.ShouldContain("Until Monday 30 November 2026 at 10:00, do not put products on the treated skin that contain retinoids (retinol, retinal, tretinoin).");
        message.Text.ShouldContain("The wait after treatment for exfoliating acids");
    }

    [Fact]
    public void The_html_body_escapes_what_it_is_given_and_links_the_triage_check()
    {
        var message = Write(MessageKind.FollowUp, 720, clinic: "Skin & Co <Leeds>");

        message.Subject.ShouldBe("How is your skin a month after your treatment at Skin & Co <Leeds>?");
        message.Text.ShouldContain("at Skin & Co <Leeds> on Wednesday 25 November 2026");
        message.Html.ShouldContain("Skin &amp; Co &lt;Leeds&gt;");
        message.Html.ShouldNotContain("<Leeds>");
        message.Html.ShouldContain("<a href=\"https://clinic.example/triage\">https://clinic.example/triage</a>");
    }

    [Fact]
    public void A_reminder_gives_the_day_time_and_length_of_the_visit()
    {
        var message = PatientMessages.Compose(KnowledgeBase.Default,
            new MessageFacts(MessageKind.AppointmentReminder, "North", "Maja", new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero), 45, TreatedAt, Triage));

        message.Subject.ShouldBe("Reminder: your appointment at North on Monday 30 November 2026 at 14:30");
        message.Text.ShouldContain("(45 minutes)");
        message.Text.ShouldContain("isotretinoin");
    }

    [Fact]
    public void Records_without_a_message_kind_or_a_class_name_do_not_load()
    {
        var records = KnowledgeBase.ReadEmbedded(KnowledgeBase.RecordsFile);
        var noFollowUp = records.Replace("\"kind\": \"follow-up\"", "\"kind\": \"aftercare-72h\"", StringComparison.Ordinal);
        var noName = records.Replace("{ \"class\": \"retinoid\", \"name\": \"retinoids (retinol, retinal, tretinoin)\" },", "", StringComparison.Ordinal);
        noFollowUp.ShouldNotBe(records);
        noName.ShouldNotBe(records);

        KnowledgeBase.TryLoad(name => name == KnowledgeBase.RecordsFile ? noFollowUp : null, out _, out var missing).ShouldBeFalse();
        missing.ShouldContain(e => e.Entry == "messages.follow-up");
        missing.ShouldContain(e => e.Entry == "messages.aftercare-72h" && e.Message == "is defined twice");
        KnowledgeBase.TryLoad(name => name == KnowledgeBase.RecordsFile ? noName : null, out _, out var unnamed).ShouldBeFalse();
        unnamed.ShouldContain(e => e.Message.Contains("'retinoid' has a window but no name", StringComparison.Ordinal));
    }
}
