namespace BoDashboard.Optimization.GaussianProcess;

/// <summary>
/// How a GP is fitted. Noise is learned with a floor by default (training accuracies are noisy); set
/// <see cref="FixedNoise"/> to pin it (bayes_opt pins 1e-6). Fits with many points use a subset for the
/// hyperparameters and fewer restarts: the posterior itself always uses every point.
/// <see cref="PriorMeanQuantile"/> places the GP's constant prior mean at that quantile of the targets rather than
/// their average: BO samples the good region densely, so the average is optimistic and unexplored corners would look
/// promising (a 6-D GP otherwise spends a fifth of its budget on Hartmann's corners). <see cref="WarpOutputs"/>
/// applies <see cref="OutputWarp"/> to heavy-tailed targets. <see cref="CoordinateGroups"/> gives, per input
/// coordinate, which length scale it uses (<see cref="Space.SearchSpace.LengthScaleGroups"/>: a categorical's one-hot
/// coordinates share one); null means one per coordinate. <see cref="WarmStart"/> (earlier hyperparameters of the same
/// data, e.g. a long study's previous fit) replaces the restarts by one local search from there, but only when the fit
/// runs on a subset (more than <see cref="MaxFitPoints"/> points): smaller fits always start cold. <see cref="Reuse"/>
/// skips the fit altogether and conditions with those hyperparameters (a long study between refits), again only for
/// more than <see cref="MaxFitPoints"/> points.
/// </summary>
public sealed record GaussianProcessOptions(
    double? FixedNoise = null,
    double NoiseFloor = 1e-6,
    int Restarts = 5,
    int Seed = 0,
    int MaxFitPoints = 120,
    double MinLengthScale = 0.01,
    double MaxLengthScale = 20.0,
    double PriorMeanQuantile = 0.2,
    bool WarpOutputs = true,
    IReadOnlyList<int>? CoordinateGroups = null,
    GaussianProcessHyperparameters? WarmStart = null,
    PreviousFit? Reuse = null)
{
    public static GaussianProcessOptions Default { get; } = new();
}
