using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stratum.Core.Vocabulary;
using Stratum.Data.AdverseEvents;
using Stratum.Data.Appointments;
using Stratum.Data.Audit;
using Stratum.Data.Clinics;
using Stratum.Data.Consents;
using Stratum.Data.Identity;
using Stratum.Data.Infrastructure;
using Stratum.Data.Lots;
using Stratum.Data.Messages;
using Stratum.Data.Outcomes;
using Stratum.Data.Patients;
using Stratum.Data.Photos;
using Stratum.Data.Plans;
using Stratum.Data.Screenings;
using Stratum.Data.Sessions;

namespace Stratum.Data;

/// <summary>
/// The clinic database: Identity's tables plus the clinical aggregates. Use a provider's subclass
/// (<see cref="Sqlite.SqliteStratumDbContext"/>, <see cref="Postgres.PostgresStratumDbContext"/>), each with its own migrations.
/// </summary>
/// <remarks>
/// Three rules hold for every SaveChanges: writes outside <see cref="IClinicScope"/> are refused; every changed
/// <see cref="Versioned"/> aggregate gets a new version (its concurrency token); and queued audit entries are linked
/// onto their clinic's chain in the same transaction. Queries see only the staff member's clinic (global query filters); admin paths span clinics through <see cref="Scoped{T}"/>.
/// </remarks>
public abstract class StratumDbContext : IdentityDbContext<StaffUser, IdentityRole, string>, IDataProtectionKeyContext
{
    // Appends that lost a race for the chain head re-read it and try again; past this, contention is a fault.
    private const int MaxAuditAttempts = 50;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, SemaphoreSlim> ChainGates = new();

    private readonly IClinicScope _scope;
    private readonly List<(AuditRecord Record, DateTimeOffset At)> _pendingAudit = [];

    protected StratumDbContext(DbContextOptions options, IClinicScope scope) : base(options)
    {
        _scope = scope;
    }

    public IClinicScope Scope => _scope;

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<TreatmentPlan> TreatmentPlans => Set<TreatmentPlan>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<ConsentForm> ConsentForms => Set<ConsentForm>();

    public DbSet<ConsentDocument> ConsentDocuments => Set<ConsentDocument>();

    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();

    public DbSet<OutcomeAssessment> OutcomeAssessments => Set<OutcomeAssessment>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<Lot> Lots => Set<Lot>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    internal DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>The ASP.NET Core data-protection key ring: shared by every web node, so a sign-in on one is good on all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the query filters: EF parameterises context members, so one cached model serves every scope.
    private Guid? ScopeClinicId => _scope.ClinicId;

    /// <summary>
    /// The rows of <typeparamref name="T"/> the scope may see: the caller's clinic for staff, every clinic for the
    /// admin. The one way a query spans clinics, so admin paths say so; everything else uses the filtered sets.
    /// </summary>
    public IQueryable<T> Scoped<T>() where T : class => _scope.AllClinics ? Set<T>().IgnoreQueryFilters() : Set<T>();

    /// <summary>Throws unless <paramref name="clinicId"/> is inside the scope: for ids that arrive from outside.</summary>
    public void DemandScope(string entity, Guid clinicId)
    {
        if (!_scope.Includes(clinicId))
        {
            throw new ClinicScopeViolationException(entity, clinicId);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StratumDbContext).Assembly);
        builder.Entity<StaffUser>().HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);

        // Staff see their clinic's rows: "ClinicId = @clinic" alone, so every query can use the clinic's indexes. The
        // admin scope has no clinic and sees nothing through these filters; admin paths span clinics through Scoped().
        builder.Entity<Patient>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Screening>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<TreatmentPlan>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Session>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Consent>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<ConsentForm>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<ConsentDocument>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<AdverseEvent>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<OutcomeAssessment>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Photo>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Lot>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Appointment>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Message>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.ClinicId == ScopeClinicId);
        builder.Entity<Clinic>().HasQueryFilter(e => e.Id == ScopeClinicId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        Code<Setting>();
        Code<Zone>();
        Code<Indication>();
        Code<Condition>();
        Code<ConditionStatus>();
        Code<Medication>();
        Code<Allergy>();
        Code<Verdict>();
        Code<Urgency>();
        Code<Symptom>();
        Code<Trend>();
        Code<Severity>();
        Code<AuditAction>();
        Code<AuditOutcome>();
        Code<ContactPreference>();
        Code<AppointmentStatus>();
        Code<MessageKind>();
        Code<MessageStatus>();

        void Code<T>() where T : struct, Enum =>
            builder.Properties<T>().HaveConversion<CodeConverter<T>>().HaveMaxLength(CodeConverter<T>.MaxLength).AreUnicode(false);
    }

    /// <summary>
    /// Forgets audit entries queued for a save that failed, with the changes they described, so that the entry the
    /// caller writes about the failure is not preceded by one claiming success.
    /// </summary>
    public void DiscardPendingChanges()
    {
        _pendingAudit.Clear();
        ChangeTracker.Clear();
    }

    internal void QueueAudit(AuditRecord record, DateTimeOffset at)
    {
        DemandScope(nameof(AuditEntry), record.ClinicId);
        _pendingAudit.Add((record, at));
    }

    /// <summary>
    /// For writes without audit entries only (the data-protection key store saves this way): the audit chain is linked
    /// with asynchronous database calls, so a save with queued entries must use <see cref="SaveChangesAsync(bool, CancellationToken)"/>.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_pendingAudit.Count > 0)
        {
            throw new NotSupportedException("Audit entries are linked asynchronously: use SaveChangesAsync.");
        }

        ChangeTracker.DetectChanges();
        CheckChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        CheckChanges();
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Writers of one clinic's chain in this process queue here instead of racing for the head and retrying;
        // the conditional move of the head still guards against writers in other processes.
        var gates = _pendingAudit.Select(p => p.Record.ClinicId).Distinct().Order().Select(id => ChainGates.GetOrAdd(id, _ => new SemaphoreSlim(1, 1))).ToList();
        var held = 0;
        try
        {
            foreach (var gate in gates)
            {
                await gate.WaitAsync(cancellationToken);
                held++;
            }

            return await SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            foreach (var gate in gates.Take(held))
            {
                gate.Release();
            }
        }
    }

    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var linked = new List<AuditEntry>(_pendingAudit.Count);
            try
            {
                if (await LinkAuditAsync(linked, cancellationToken))
                {
                    var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                    if (ownTransaction is not null)
                    {
                        await ownTransaction.CommitAsync(cancellationToken);
                    }

                    _pendingAudit.Clear();
                    return saved;
                }
            }
            catch
            {
                Unlink(linked);
                throw;
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }

            // Another writer appended to a chain first. In our own transaction we re-read the head and try again;
            // in the caller's, the database may already hold its other changes, so the caller decides.
            Unlink(linked);
            if (ownTransaction is null || attempt == MaxAuditAttempts)
            {
                throw new DbUpdateConcurrencyException("Another writer appended to the audit chain at the same time.");
            }

            await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
        }
    }

    /// <summary>Refuses writes outside the scope and to audit entries, and renews the version of every changed aggregate.</summary>
    private void CheckChanges()
    {
        var changed = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            switch (entry.Entity)
            {
                case AuditEntry or AuditHead or AuditCheckpoint when entry.State != EntityState.Added:
                    throw new InvalidOperationException("Audit entries are append-only: they are never updated or deleted.");
                case AuditCheckpoint checkpoint:
                    DemandScope(nameof(AuditCheckpoint), checkpoint.ClinicId);
                    break;
                case IClinicOwned owned:
                    DemandScope(entry.Metadata.ClrType.Name, owned.ClinicId);
                    break;
                case Clinic when entry.State == EntityState.Added && !_scope.AllClinics:
                    throw new ClinicScopeViolationException(nameof(Clinic), ((Clinic)entry.Entity).Id);
                case Clinic clinic when entry.State == EntityState.Added:
                    AuditHeads.Add(AuditHead.Start(clinic.Id));
                    break;
                case Clinic clinic:
                    DemandScope(nameof(Clinic), clinic.Id);
                    break;
            }

            if (entry.State == EntityState.Modified && entry.Entity is Versioned)
            {
                changed.Add(entry);
            }
            else if (entry.Metadata.IsOwned() && OwnerOf(entry) is { Entity: Versioned, State: EntityState.Unchanged or EntityState.Modified } owner)
            {
                changed.Add(owner);
            }
        }

        foreach (var entry in changed)
        {
            entry.Property(nameof(Versioned.Version)).CurrentValue = Guid.NewGuid();
        }
    }

    // The records stay queued, so a later SaveChanges links them onto the head it then finds; heads of new clinics start over.
    private void Unlink(List<AuditEntry> linked)
    {
        foreach (var entry in linked)
        {
            Entry(entry).State = EntityState.Detached;
        }

        foreach (var head in ChangeTracker.Entries<AuditHead>().Where(h => h.State == EntityState.Added))
        {
            head.Entity.Advance(0, AuditEntry.Genesis);
        }
    }

    private EntityEntry? OwnerOf(EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var ownerId = owned.Property(ownership.Properties[0].Name).CurrentValue;
        return ChangeTracker.Entries().FirstOrDefault(e =>
            e.Metadata == ownership.PrincipalEntityType && Equals(e.Property(ownership.PrincipalKey.Properties[0].Name).CurrentValue, ownerId));
    }

    /// <summary>
    /// Links the queued records onto each clinic's chain and moves the head in the database first, where the
    /// sequence read still stands; false when another writer moved it since. The head's row lock (PostgreSQL) or the
    /// write lock (SQLite) then holds other writers off until this transaction ends, so chains never fork.
    /// </summary>
    private async Task<bool> LinkAuditAsync(List<AuditEntry> linked, CancellationToken cancellationToken)
    {
        foreach (var clinic in _pendingAudit.GroupBy(p => p.Record.ClinicId))
        {
            // A clinic created in this same SaveChanges brings its head along, not yet in the database.
            var newHead = AuditHeads.Local.FirstOrDefault(h => h.ClinicId == clinic.Key && Entry(h).State == EntityState.Added);
            var head = newHead ?? await AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ClinicId == clinic.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Clinic {clinic.Key} has no audit chain: clinics are created through the context.");
            var (readSequence, sequence, hash) = newHead is null ? (head.Sequence, head.Sequence, head.Hash) : (0L, 0L, AuditEntry.Genesis);
            foreach (var (record, at) in clinic)
            {
                var entry = AuditEntry.Link(record, at, ++sequence, hash);
                AuditEntries.Add(entry);
                linked.Add(entry);
                hash = entry.Hash;
            }

            if (newHead is not null)
            {
                newHead.Advance(sequence, hash);
                continue;
            }

            var moved = await AuditHeads
                .Where(h => h.ClinicId == clinic.Key && h.Sequence == readSequence)
                .ExecuteUpdateAsync(h => h.SetProperty(x => x.Sequence, sequence).SetProperty(x => x.Hash, hash), cancellationToken);
            if (moved == 0)
            {
                return false;
            }
        }

        return true;
    }
}
