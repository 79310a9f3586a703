using Stratum.Data.Infrastructure;

namespace Stratum.Data.Clinics;

/// <summary>The tenant: every patient, session and audit entry belongs to exactly one clinic.</summary>
public sealed class Clinic : Versioned
{
    public const int NameLength = 200;

    private Clinic(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public static Clinic Create(string name) => new(Guid.NewGuid(), Guard.Text(name, NameLength, nameof(name)));

    public void Rename(string name) => Name = Guard.Text(name, NameLength, nameof(name));
}
