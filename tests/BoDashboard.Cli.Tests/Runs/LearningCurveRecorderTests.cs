using BoDashboard.Cli.Runs;
using BoDashboard.Training.Runs;
using BoDashboard.Training.Settings;

namespace BoDashboard.Cli.Tests.Runs;

/// <summary>`bench pruning --record` with a trainer that returns made-up curves at once (the real one takes 20 s a
/// configuration): shards, resuming, and the seed.</summary>
public sealed class LearningCurveRecorderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bo-recorder-").FullName;

    private string Path => System.IO.Path.Combine(folder, "curves.csv");

    [Fact]
    public void A_shard_that_finds_the_file_another_shard_just_created_records_its_share()
    {
        // Two recorders started together: the first wrote the header, no row yet.
        File.WriteAllText(Path, LearningCurveTable.Header(2) + "\n");

        Record(shard: (1, 2), count: 4);

        Assert.Equal([1, 3], LearningCurveTable.Read(Path).Curves.Select(c => c.Index).Order());
    }

    [Fact]
    public void An_interrupted_recording_goes_on_where_it_stopped()
    {
        var first = new CountingTrainer();
        Record(shard: (0, 2), count: 4, first);
        var second = new CountingTrainer();

        Record(shard: (0, 1), count: 4, second);

        Assert.Equal(2, first.Runs);
        Assert.Equal(2, second.Runs);
        Assert.Equal([0, 1, 2, 3], LearningCurveTable.Read(Path).Curves.Select(c => c.Index).Order());
    }

    [Fact]
    public void Another_seed_draws_other_configurations_and_trains_with_that_seed()
    {
        var trainer = new CountingTrainer();

        Record(shard: (0, 1), count: 2, trainer, seed: 1);

        Assert.Equal(LearningCurveRecorder.Configurations(2, 1).Select(c => c.LearningRate), LearningCurveTable.Read(Path).Curves.OrderBy(c => c.Index).Select(c => c.LearningRate));
        Assert.NotEqual(LearningCurveRecorder.Configurations(2, 0)[0], LearningCurveRecorder.Configurations(2, 1)[0]);
        Assert.All(trainer.Settings, s => Assert.Equal((1, 1), (s.Seed, s.Dataset.SplitSeed)));
    }

    private void Record((int, int) shard, int count, CountingTrainer? trainer = null, int seed = 0) =>
        new LearningCurveRecorder(trainer ?? new CountingTrainer()).Record(Path, count, new LearningCurveRecording(2, null, null, 1, seed), shard, (_, _, _) => { }, CancellationToken.None);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class CountingTrainer : ITrainer
    {
        public int Runs => Settings.Count;

        public List<TrainingSettings> Settings { get; } = [];

        public TrainingResult Train(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Settings.Add(settings);
            EpochResult Epoch(int e, double accuracy) => new(e, 1, accuracy, accuracy, 0.01, 1, 100);
            return new TrainingResult([Epoch(1, 0.5), Epoch(2, 0.6)], 0.6, 2, false, null, 1, "cpu", 1);
        }

        public TestEvaluation RetrainAndTest(TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the recorder never tests");
    }
}
