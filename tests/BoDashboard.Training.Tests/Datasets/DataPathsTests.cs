using BoDashboard.Training.Datasets;
using BoDashboard.Training.Settings;

namespace BoDashboard.Training.Tests.Datasets;

public sealed class DataPathsTests
{
    [Fact]
    public void FindsTheRepositoryFromTheTestsBinFolder()
    {
        var root = DataPaths.RepositoryRoot(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "data", "README.md")));
    }

    [Fact]
    public void FindsTheShippedFashionMnistSubset()
    {
        Assert.True(FashionMnist.IsPresentIn(DataPaths.ShippedFashionMnistFolder()));
    }

    [Fact]
    public void TheShippedSubsetSplits80To20()
    {
        var splits = DatasetLoader.Load(new DatasetSettings(Path: DataPaths.ShippedFashionMnistFolder(), TrainSubsetSize: 1000));

        Assert.Equal((800, 200), (splits.Train.Count, splits.Validation.Count));
        Assert.Equal(10, splits.ClassNames.Count);
        Assert.Equal((1, 28, 28), (splits.Test.Channels, splits.Test.Height, splits.Test.Width));
        Assert.DoesNotContain(splits.Train.Labels, label => label is < 0 or > 9);
    }
}
