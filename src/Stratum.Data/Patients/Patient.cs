using Stratum.Core.Screening;
using Stratum.Core.Vocabulary;
using Stratum.Data.Infrastructure;

namespace Stratum.Data.Patients;

/// <summary>A patient of one clinic with the history that screening reads: conditions, medications, allergies.</summary>
public sealed class Patient : Versioned, IClinicOwned
{
    public const int NameLength = 200;

    // One entry per code: a second status for the same condition would make screening depend on order.
    private readonly List<PatientCondition> _conditions = [];
    private readonly List<PatientMedication> _medications = [];
    private readonly List<PatientAllergy> _allergies = [];

    private Patient(Guid id, Guid clinicId, string familyName, string givenName, DateOnly birthDate, int? phototype)
    {
        Id = id;
        ClinicId = clinicId;
        FamilyName = familyName;
        GivenName = givenName;
        BirthDate = birthDate;
        Phototype = phototype;
        SortKey = SortKeyOf(familyName, givenName, id);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string FamilyName { get; private set; }

    public string GivenName { get; private set; }

    public DateOnly BirthDate { get; private set; }

    /// <summary>
    /// The patient list's order and paging key: family and given name without case, then the id, so that every key is
    /// unique and a page can start after the last key of the one before (keyset paging on one index).
    /// </summary>
    public string SortKey { get; private set; }

    public const int SortKeyLength = (2 * NameLength) + 34;

    /// <summary>The phone number in E.164 (<see cref="Contact.Phone"/>); null when none is known.</summary>
    public string? Phone { get; private set; }

    /// <summary>The email address in lower case; null when none is known.</summary>
    public string? Email { get; private set; }

    /// <summary>Whether the outbox may write to the patient; <c>email</c> needs an address.</summary>
    public ContactPreference ContactPreference { get; private set; } = ContactPreference.None;

    /// <summary>Fitzpatrick phototype 1–6; null until assessed.</summary>
    public int? Phototype { get; private set; }

    public IReadOnlyList<PatientCondition> Conditions => _conditions.AsReadOnly();

    public IReadOnlyList<PatientMedication> Medications => _medications.AsReadOnly();

    public IReadOnlyList<PatientAllergy> Allergies => _allergies.AsReadOnly();

    public static Patient Create(Guid clinicId, string familyName, string givenName, DateOnly birthDate, int? phototype = null) => new(
        Guid.NewGuid(),
        Guard.Id(clinicId, nameof(clinicId)),
        Guard.Text(familyName, NameLength, nameof(familyName)),
        Guard.Text(givenName, NameLength, nameof(givenName)),
        birthDate,
        CheckPhototype(phototype));

    public void Rename(string familyName, string givenName)
    {
        FamilyName = Guard.Text(familyName, NameLength, nameof(familyName));
        GivenName = Guard.Text(givenName, NameLength, nameof(givenName));
        SortKey = SortKeyOf(FamilyName, GivenName, Id);
    }

    public void CorrectBirthDate(DateOnly birthDate) => BirthDate = birthDate;

    public static string SortKeyOf(string familyName, string givenName, Guid id) =>
        $"{familyName.ToLowerInvariant()} {givenName.ToLowerInvariant()} {id:N}";

    /// <summary>Replaces the contact details; the values are normalised already (<see cref="Contact"/>).</summary>
    public void SetContact(string? phone, string? email, ContactPreference preference)
    {
        if (preference == ContactPreference.Email && email is null)
        {
            throw new ArgumentException("mail needs an email address", nameof(preference));
        }

        Phone = Guard.OptionalText(phone, Contact.PhoneLength, nameof(phone));
        Email = Guard.OptionalText(email, Contact.EmailLength, nameof(email));
        ContactPreference = preference;
    }

    public void AssessPhototype(int phototype) => Phototype = CheckPhototype(phototype);

    /// <summary>Records a condition, or replaces the status and dates of the one already recorded.</summary>
    public void RecordCondition(Condition code, ConditionStatus status, DateOnly? since = null, DateOnly? until = null)
    {
        _conditions.RemoveAll(c => c.Code == code);
        _conditions.Add(new PatientCondition(code, status, since, until));
    }

    /// <summary>Records a medication; a null <paramref name="lastDose"/> means the patient still takes it.</summary>
    public void RecordMedication(Medication code, DateOnly? started = null, DateOnly? lastDose = null)
    {
        _medications.RemoveAll(m => m.Code == code);
        _medications.Add(new PatientMedication(code, started, lastDose));
    }

    public void RecordAllergy(Allergy code, DateOnly? recordedOn = null)
    {
        _allergies.RemoveAll(a => a.Code == code);
        _allergies.Add(new PatientAllergy(code, recordedOn));
    }

    /// <summary>
    /// Writes what a screening was told into the history: each condition's status, each medication's last dose, each allergy.
    /// Dates the history already holds (since, started) are kept; nothing the screening left out is removed, since a
    /// screening that did not ask is not a screening that was told "no".
    /// </summary>
    public void RecordScreening(Intake intake)
    {
        foreach (var condition in intake.Conditions)
        {
            var known = _conditions.Find(c => c.Code == condition.Code);
            RecordCondition(condition.Code, condition.Status, known?.Since, condition.Status == ConditionStatus.History ? known?.Until : null);
        }

        foreach (var medication in intake.Medications)
        {
            RecordMedication(medication.Code, _medications.Find(m => m.Code == medication.Code)?.Started, medication.LastDose);
        }

        foreach (var allergy in intake.Allergies.Where(a => _allergies.TrueForAll(known => known.Code != a)))
        {
            RecordAllergy(allergy, intake.Date);
        }
    }

    public bool RemoveCondition(Condition code) => _conditions.RemoveAll(c => c.Code == code) > 0;

    public bool RemoveMedication(Medication code) => _medications.RemoveAll(m => m.Code == code) > 0;

    public bool RemoveAllergy(Allergy code) => _allergies.RemoveAll(a => a.Code == code) > 0;

    private static int? CheckPhototype(int? phototype) =>
        phototype is { } p ? Guard.InRange(p, 1, 6, nameof(phototype)) : null;
}

/// <param name="Since">When the condition began or was diagnosed, if known.</param>
/// <param name="Until">When it resolved, if it has.</param>
public sealed record PatientCondition(Condition Code, ConditionStatus Status, DateOnly? Since, DateOnly? Until);

/// <param name="LastDose">The last dose; null means the patient still takes it.</param>
public sealed record PatientMedication(Medication Code, DateOnly? Started, DateOnly? LastDose);

public sealed record PatientAllergy(Allergy Code, DateOnly? RecordedOn);
