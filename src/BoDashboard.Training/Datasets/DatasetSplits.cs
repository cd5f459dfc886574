namespace BoDashboard.Training.Datasets;

/// <summary>The tutorial's seeded 80/20 train/validation split of the training images, plus the separate test split.</summary>
public sealed record DatasetSplits(ImageSet Train, ImageSet Validation, ImageSet Test)
{
    public IReadOnlyList<string> ClassNames => Train.ClassNames;
}
