using BoDashboard.Studies.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BoDashboard.Studies.Tests;

/// <summary>Upgrading a database made by an earlier version loses nothing.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Learning_curves_stored_as_json_by_earlier_versions_become_intermediate_values()
    {
        var options = new DbContextOptionsBuilder<StudiesDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "old.db")}").Options;
        await using (var db = new StudiesDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("EvaluationsAndComparisons");
            await db.Database.OpenConnectionAsync();
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            // Plain ADO.NET: the JSON's braces would be format placeholders to ExecuteSqlRaw.
            insert.CommandText = """
                INSERT INTO studies (Id, Name, Direction, ObjectiveJson, SearchSpaceJson, SamplerJson, Budget, Parallelism, MaxConsecutiveFailures, State, CreatedAt, UpdatedAt)
                VALUES (1, 'old', 'maximize', '{"kind":"alexnet"}', '[{"name":"learning_rate","type":"float","low":0.001,"high":0.1,"log":true}]', '{"name":"random"}', 2, 1, 5, 'completed', '2026-11-01', '2026-11-01');
                INSERT INTO trials (Id, StudyId, Number, ParamsJson, Value, State, SuggestedBy, StartedAt, FinishedAt, IntermediateJson)
                VALUES (1, 1, 0, '{"learning_rate":0.01}', 0.84, 'complete', 'initial', '2026-11-01', '2026-11-01',
                        '[{"epoch":1,"epochs":2,"trainLoss":0.9,"trainAccuracy":0.7,"validationAccuracy":0.8,"learningRate":0.01,"seconds":5.5},{"epoch":2,"epochs":2,"trainLoss":0.5,"trainAccuracy":0.8,"validationAccuracy":0.84,"learningRate":0.01,"seconds":11}]');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using (var db = new StudiesDbContext(options))
        {
            await db.Database.MigrateAsync();
            var values = await db.IntermediateValues.OrderBy(v => v.Step).ToListAsync();

            Assert.Equal([1, 2], values.Select(v => v.Step));
            Assert.Equal([0.8, 0.84], values.Select(v => v.Value));
            var metrics = Service.StudyJson.Intermediate(values[0]).Metrics!;
            Assert.Equal(0.7, metrics["train_accuracy"]);
            Assert.Equal(0.9, metrics["train_loss"]);
            Assert.Null((await db.Trials.SingleAsync()).LogTail);
            // Rows from before the column: queued when they started.
            Assert.Equal(new DateTime(2026, 11, 1), (await db.Trials.SingleAsync()).QueuedAt);
        }
    }

    [Fact]
    public async Task A_new_trial_is_stamped_queued_when_its_row_is_created_and_keeps_it()
    {
        var options = new DbContextOptionsBuilder<StudiesDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "new.db")}").Options;
        var started = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = new StudiesDbContext(options))
        {
            await db.Database.MigrateAsync();
            var study = new StudyEntity
            {
                Name = "s", ObjectiveJson = "{}", SearchSpaceJson = "[]", SamplerJson = "{}", Budget = 1, State = "running",
                CreatedAt = started, UpdatedAt = started,
            };
            study.Trials.Add(new TrialEntity { Number = 0, ParamsJson = "{}", StartedAt = started });
            db.Studies.Add(study);
            await db.SaveChangesAsync();
        }

        await using (var db = new StudiesDbContext(options))
        {
            var trial = await db.Trials.SingleAsync();
            Assert.Equal(started, trial.QueuedAt!.Value, TimeSpan.Zero);
            trial.StartedAt = started.AddMinutes(5); // a re-run after an interruption
            await db.SaveChangesAsync();
        }

        await using (var db = new StudiesDbContext(options))
        {
            var trial = await db.Trials.SingleAsync();
            Assert.Equal(started, trial.QueuedAt!.Value, TimeSpan.Zero);
            Assert.Equal(started.AddMinutes(5), trial.StartedAt, TimeSpan.Zero);
        }
    }

    public void Dispose() => folder.Dispose();
}
