using BoDashboard.Optimization.Analysis;

namespace BoDashboard.Optimization.Tests.Analysis;

/// <summary>The Saltelli/Jansen estimators on scrambled Halton points, against functions whose indices are known.</summary>
public class SobolEstimatorTests
{
    /// <summary>Ishigami (a = 7, b = 0.1) on [-π, π]^3: S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576, ST2 = 0.4424,
    /// ST3 = 0.2437 (x3 acts only through its interaction with x1).</summary>
    [Fact]
    public void Ishigami_indices_match_the_analytic_values()
    {
        var design = SaltelliDesign.Create(3, 8192, seed: 1);
        var values = design.Evaluate(u =>
        {
            var x = u.Select(v => -Math.PI + 2 * Math.PI * v).ToArray();
            return Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]);
        });

        var indices = design.Estimate(values);

        double[] first = [0.3139, 0.4424, 0.0];
        double[] total = [0.5576, 0.4424, 0.2437];
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices.First[i], first[i] - 0.02, first[i] + 0.02);
            Assert.InRange(indices.Total[i], total[i] - 0.02, total[i] + 0.02);
        }

        // Analytic variance: a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2.
        var variance = 49.0 / 8 + 0.1 * Math.Pow(Math.PI, 4) / 5 + 0.01 * Math.Pow(Math.PI, 8) / 18 + 0.5;
        Assert.Equal(variance, indices.Variance, variance * 0.02);
    }

    /// <summary>A sum of independent terms has no interactions: first = total = each term's variance over the sum's.
    /// Term variances: 4 x1 → 16/12, x2² → 4/45, 0 · x3 → 0, sin(2π x4) → 1/2.</summary>
    [Fact]
    public void Additive_function_has_equal_first_and_total_indices()
    {
        var design = SaltelliDesign.Create(4, 4096, seed: 3);
        var values = design.Evaluate(u => 4 * u[0] + u[1] * u[1] + Math.Sin(2 * Math.PI * u[3]));

        var indices = design.Estimate(values);

        double[] parts = [16.0 / 12, 4.0 / 45, 0, 0.5];
        var sum = parts.Sum();
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(indices.First[i], parts[i] / sum - 0.015, parts[i] / sum + 0.015);
            Assert.InRange(indices.Total[i], parts[i] / sum - 0.015, parts[i] / sum + 0.015);
        }

        Assert.Equal(0, indices.Total[2], 12);
    }

    [Fact]
    public void Constant_function_has_no_variance_to_share()
    {
        var design = SaltelliDesign.Create(2, 64, seed: 0);
        var indices = design.Estimate(design.Evaluate(_ => 3.0));
        Assert.Equal(0, indices.Variance);
        Assert.All(indices.First, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Halton_points_fill_the_cube_evenly()
    {
        // 2 dims x 1024 points: each of the 16 x 16 cells gets 4 points, give or take the scrambling.
        var halton = new ScrambledHalton(2, seed: 5);
        var points = halton.Points(0, 1024);
        var counts = new int[256];
        for (var k = 0; k < 1024; k++)
        {
            counts[(int)(points[2 * k] * 16) * 16 + (int)(points[2 * k + 1] * 16)]++;
        }

        Assert.All(points, v => Assert.InRange(v, 0, 1));
        Assert.InRange(counts.Min(), 1, 4);
        Assert.InRange(counts.Max(), 4, 8);
    }

    [Fact]
    public void Design_has_A_B_and_one_mixed_matrix_per_input()
    {
        var design = SaltelliDesign.Create(3, 16, seed: 2);
        Assert.Equal(16 * 5, design.Count);
        var a = design.Points.AsSpan(4 * 3, 3).ToArray();
        var b = design.Points.AsSpan((16 + 4) * 3, 3).ToArray();
        var ab1 = design.Points.AsSpan(((2 + 1) * 16 + 4) * 3, 3).ToArray();
        Assert.Equal([a[0], b[1], a[2]], ab1);
    }
}
