using Microsoft.EntityFrameworkCore;

namespace BoDashboard.Studies.Persistence;

/// <summary>The studies database: studies, trials and evaluations. This type carries the SQLite migrations
/// (Migrations/); <see cref="PostgresStudiesDbContext"/> carries PostgreSQL's, from the same model.</summary>
public class StudiesDbContext : DbContext
{
    public StudiesDbContext(DbContextOptions<StudiesDbContext> options) : base(options)
    {
        SavingChanges += StampQueued;
    }

    protected StudiesDbContext(DbContextOptions options) : base(options)
    {
        SavingChanges += StampQueued;
    }

    /// <summary>A new trial is queued when its row is created: wherever trials are created, the time is recorded.</summary>
    private void StampQueued(object? sender, SavingChangesEventArgs e)
    {
        foreach (var entry in ChangeTracker.Entries<TrialEntity>().Where(t => t.State == EntityState.Added && t.Entity.QueuedAt is null))
        {
            entry.Entity.QueuedAt = entry.Entity.StartedAt;
        }
    }

    public DbSet<StudyEntity> Studies => Set<StudyEntity>();
    public DbSet<TrialEntity> Trials => Set<TrialEntity>();
    public DbSet<EvaluationEntity> Evaluations => Set<EvaluationEntity>();
    public DbSet<IntermediateValueEntity> IntermediateValues => Set<IntermediateValueEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        DatabaseClock.Map(modelBuilder, this);
        var study = modelBuilder.Entity<StudyEntity>();
        study.ToTable("studies");
        study.Property(s => s.Name).HasMaxLength(200);
        study.Property(s => s.Direction).HasMaxLength(16);
        study.Property(s => s.State).HasMaxLength(16);
        study.HasIndex(s => s.CreatedAt);
        study.HasIndex(s => new { s.State, s.UpdatedAt });
        study.HasMany(s => s.Trials).WithOne(t => t.Study).HasForeignKey(t => t.StudyId).OnDelete(DeleteBehavior.Cascade);

        var trial = modelBuilder.Entity<TrialEntity>();
        trial.ToTable("trials");
        trial.Property(t => t.State).HasMaxLength(16);
        trial.Property(t => t.SuggestedBy).HasMaxLength(16);
        trial.Property(t => t.WorkerName).HasMaxLength(200);
        trial.Property(t => t.LeaseToken).HasMaxLength(36);
        trial.Property(t => t.ProgressLabel).HasMaxLength(200);
        // Unique numbers per study: a second worker that races for the same number fails instead of duplicating a trial.
        trial.HasIndex(t => new { t.StudyId, t.Number }).IsUnique();
        trial.HasIndex(t => new { t.StudyId, t.State });

        study.HasIndex(s => s.ComparedWithStudyId);

        var intermediate = modelBuilder.Entity<IntermediateValueEntity>();
        intermediate.ToTable("intermediate_values");
        intermediate.HasOne(v => v.Trial).WithMany(t => t.IntermediateValues).HasForeignKey(v => v.TrialId).OnDelete(DeleteBehavior.Cascade);
        // One value per step: a repeated report of a step is refused, never stored twice.
        intermediate.HasIndex(v => new { v.TrialId, v.Step }).IsUnique();

        var evaluation = modelBuilder.Entity<EvaluationEntity>();
        evaluation.ToTable("evaluations");
        evaluation.Property(e => e.Label).HasMaxLength(32);
        evaluation.Property(e => e.State).HasMaxLength(16);
        evaluation.HasOne<StudyEntity>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Cascade);
        evaluation.HasIndex(e => e.StudyId);
    }
}
