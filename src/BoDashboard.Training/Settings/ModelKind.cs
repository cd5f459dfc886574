namespace BoDashboard.Training.Settings;

/// <summary>Which AlexNet to train; named "compact" and "classic" in the API and CLI.</summary>
public enum ModelKind
{
    /// <summary>AlexNet's shape (5 convolutions, 3 fully connected layers) scaled for 28-64 px inputs.</summary>
    Compact,

    /// <summary>The tutorial's AlexNet for 227x227 inputs.</summary>
    Classic,
}
