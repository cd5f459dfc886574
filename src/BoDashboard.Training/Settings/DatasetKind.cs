namespace BoDashboard.Training.Settings;

/// <summary>Where training images come from; named "fashion-mnist" and "image-folder" in the API and CLI.</summary>
public enum DatasetKind
{
    FashionMnist,
    ImageFolder,
}
