namespace BoDashboard.Training.Settings;

/// <summary>Which network to train.</summary>
/// <param name="Kind">Compact (28-64 px) or classic (227 px) AlexNet.</param>
/// <param name="Width">Channels of the compact net's first convolution; the later layers scale with it. Ignored by classic.</param>
public sealed record ModelSettings(ModelKind Kind = ModelKind.Compact, int Width = 12);
