using Stratum.Core.Knowledge;

namespace Stratum.Core.Tests.Records;

/// <summary>The default consent form is knowledge: a clinic can override its wording, and a form nobody could sign does not load.</summary>
public sealed class ConsentFormKnowledgeTests
{
    [Fact]
    public void The_default_form_names_its_version_statements_photo_paragraph_and_sources()
    {
        var form = KnowledgeBase.Default.Records.ConsentForm;

        form.Version.ShouldBe("stratum-1");
        form.Statements.ShouldContain("I agree to be treated with microneedling.");
        form.PhotoText.ShouldContain("I can refuse and still be treated");
        form.Sources.ShouldAllBe(s => KnowledgeBase.Default.FindSource(s) != null);
    }

    [Fact]
    public void A_consent_form_without_statements_to_tick_does_not_load()
    {
        var records = KnowledgeBase.ReadEmbedded(KnowledgeBase.RecordsFile);
        var start = records.IndexOf("\"statements\": [", StringComparison.Ordinal);
        var end = records.IndexOf(']', start);
        var unsignable = records[..start] + "\"statements\": [" + records[end..];

        KnowledgeBase.TryLoad(name => name == KnowledgeBase.RecordsFile ? unsignable : null, out _, out var errors).ShouldBeFalse();
        errors.ShouldContain(e => e.Entry == "consentForm" && e.Message.Contains("one statement to tick", StringComparison.Ordinal));
    }
}
