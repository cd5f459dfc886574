using BoDashboard.Training.Datasets;

namespace BoDashboard.Training.Runs;

/// <summary>The training set's mean image and overall pixel standard deviation, both on the [0, 1] scale.</summary>
internal sealed record Normalization(float[] Mean, float Std)
{
    public static Normalization Of(ImageSet images)
    {
        var sums = new double[images.ImageSize];
        double squares = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var offset = (long)i * images.ImageSize;
            for (var p = 0; p < sums.Length; p++)
            {
                double value = images.Pixels[offset + p];
                sums[p] += value;
                squares += value * value;
            }
        }
        var n = Math.Max(1, images.Count);
        var mean = sums.Select(sum => sum / n / 255.0).ToArray();
        // Variance around each pixel's own mean, pooled over pixels: what is left after subtracting the mean image.
        var variance = squares / n / sums.Length / (255.0 * 255.0) - mean.Average(m => m * m);
        return new Normalization(mean.Select(m => (float)m).ToArray(), (float)Math.Sqrt(Math.Max(variance, 1e-6)));
    }
}
