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
    public void CpuPresetStartsAtTheTutorialsDefaults()
    {
        var preset = TrainingSettings.CpuPreset;

        Assert.Equal((0.01, 0.0005, 0.9, 0.5, 0.1, 1e-4), (preset.LearningRate, preset.WeightDecay, preset.Momentum, preset.Dropout, preset.Decay, preset.Threshold));
        Assert.Equal(ModelKind.Compact, preset.Model.Kind);
        Assert.Equal(DatasetKind.FashionMnist, preset.Dataset.Kind);
        preset.Validate();
    }

    [Fact]
    public void ValidateNamesTheBadSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => (TrainingSettings.CpuPreset with { LearningRate = -1 }).Validate());

        Assert.Equal("LearningRate", error.ParamName);
    }
}
