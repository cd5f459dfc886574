using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Tests.Settings;

public sealed class SettingsTests
{
    [Fact]
    public void NamesRoundTrip()
    {
        foreach (var kind in Enum.GetValues<DatasetKind>())
            Assert.Equal(kind, SettingNames.ParseDataset(SettingNames.Of(kind)));
        foreach (var kind in Enum.GetValues<ModelKind>())
            Assert.Equal(kind, SettingNames.ParseModel(SettingNames.Of(kind)));
        foreach (var kind in Enum.GetValues<DeviceKind>())
            Assert.Equal(kind, SettingNames.ParseDevice(SettingNames.Of(kind)));
        Assert.Equal(DatasetKind.FashionMnist, SettingNames.ParseDataset("fashion-mnist"));
        Assert.Throws<ArgumentException>(() => SettingNames.ParseModel("vgg"));
    }

    [Fact]
    public void CpuPresetStartsAtTheTutorialsLearningRateAndWeightDecay()
    {
        var preset = TrainingSettings.CpuPreset;

        Assert.Equal((0.01, 0.0005, 0.9), (preset.LearningRate, preset.WeightDecay, preset.Momentum));
        // The short recipe: a cosine over 3 epochs without dropout (docs/benchmarks.md, "The preset trial").
        Assert.Equal((3, 64, 0.0, ScheduleKind.Cosine), (preset.Epochs, preset.BatchSize, preset.Dropout, preset.Schedule));
        Assert.Equal(ModelKind.Compact, preset.Model.Kind);
        Assert.Equal(DatasetKind.FashionMnist, preset.Dataset.Kind);
        preset.Validate();
    }

    [Fact]
    public void TheTutorialKeepsItsDropoutAndPlateauDecay()
    {
        var tutorial = TrainingSettings.Tutorial;

        Assert.Equal((0.5, ScheduleKind.Plateau, 30, 0.1), (tutorial.Dropout, tutorial.Schedule, tutorial.Patience, tutorial.Decay));
    }

    [Fact]
    public void ValidateNamesTheBadSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => (TrainingSettings.CpuPreset with { LearningRate = -1 }).Validate());

        Assert.Equal("LearningRate", error.ParamName);
    }
}
