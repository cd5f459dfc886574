using BoDashboard.Training.Settings;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace BoDashboard.Training.Models;

/// <summary>Builds the AlexNet a <see cref="ModelSettings"/> names, for a dataset's image shape and class count.</summary>
public static class AlexNetFactory
{
    public static Module<Tensor, Tensor> Create(ModelSettings model, int inputChannels, int imageSize, int classes, double dropout)
    {
        if (model.Kind == ModelKind.Classic && imageSize < ClassicAlexNet.MinimumImageSize)
        {
            throw new ArgumentException(
                $"The classic AlexNet needs images of at least {ClassicAlexNet.MinimumImageSize} px (227 in the tutorial), not {imageSize}; use the compact model.",
                nameof(imageSize));
        }
        return model.Kind switch
        {
            ModelKind.Compact => new CompactAlexNet(inputChannels, imageSize, classes, model.Width, dropout),
            ModelKind.Classic => new ClassicAlexNet(inputChannels, classes, dropout),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.Kind, null),
        };
    }
}
