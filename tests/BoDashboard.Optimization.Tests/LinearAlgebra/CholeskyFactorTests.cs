using BoDashboard.Optimization.LinearAlgebra;

namespace BoDashboard.Optimization.Tests.LinearAlgebra;

public class CholeskyFactorTests
{
    private static double[] RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++)
                {
                    s += b[i * n + k] * b[j * n + k];
                }

                a[i * n + j] = s + (i == j ? n * 0.1 : 0);
            }
        }

        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(37)]
    [InlineData(130)]
    public void Solve_and_inverse_match_the_matrix(int n)
    {
        var a = RandomSpd(n, n);
        var chol = CholeskyFactor.Factor(a, n);
        var b = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var x = (double[])b.Clone();
        chol.Solve(x);
        var inverse = chol.Inverse();
        for (var i = 0; i < n; i++)
        {
            var ax = 0.0;
            for (var j = 0; j < n; j++)
            {
                ax += a[i * n + j] * x[j];
                var identity = 0.0;
                for (var k = 0; k < n; k++)
                {
                    identity += a[i * n + k] * inverse[k * n + j];
                }

                Assert.Equal(i == j ? 1.0 : 0.0, identity, 8);
            }

            Assert.Equal(b[i], ax, 9);
        }
    }

    [Theory]
    [InlineData(CholeskyFactor.TransposedAbove)]
    [InlineData(CholeskyFactor.TransposedAbove + 1)]
    [InlineData(300)]
    public void Backward_solve_matches_the_transposed_factor_on_both_sides_of_the_transposed_copy(int n)
    {
        var chol = CholeskyFactor.Factor(RandomSpd(n, n + 1), n);
        var b = Enumerable.Range(0, n).Select(i => Math.Cos(3.0 * i)).ToArray();
        var x = (double[])b.Clone();
        chol.SolveLowerTranspose(x);
        for (var i = 0; i < n; i++)
        {
            // (L^T x)_i = sum over j >= i of L_ji x_j.
            var lx = 0.0;
            for (var j = i; j < n; j++)
            {
                lx += chol[j, i] * x[j];
            }

            Assert.Equal(b[i], lx, 9);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(CholeskyFactor.TransposedAbove)]
    [InlineData(CholeskyFactor.TransposedAbove + 1)]
    [InlineData(203)]
    public void Factoring_in_the_matrix_own_array_gives_the_copying_factor_bit_for_bit(int n)
    {
        var a = RandomSpd(n, 3 * n);
        var copied = CholeskyFactor.Factor(a, n);
        var owned = CholeskyFactor.TryFactorOwned((double[])a.Clone(), n);

        Assert.NotNull(owned);
        Assert.Equal(0, owned.Jitter);
        Assert.Equal(copied.LogDeterminant(), owned.LogDeterminant());
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(copied.Row(i).ToArray(), owned.Row(i).ToArray());
        }

        var b = Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, n).Select(i => Math.Sin(i + 5.0 * k)).ToArray()).ToArray();
        var (x, y) = (b.Select(v => (double[])v.Clone()).ToArray(), b.Select(v => (double[])v.Clone()).ToArray());
        copied.Solve(x[0]);
        owned.Solve(y[0]);
        Assert.Equal(x[0], y[0]);
        copied.SolveEach4(x[1], x[2], x[3], x[0]);
        owned.SolveEach4(y[1], y[2], y[3], y[0]);
        Assert.Equal(x, y);
        Assert.Equal(copied.Inverse(), owned.Inverse());
    }

    [Fact]
    public void A_matrix_that_needs_jitter_is_not_factored_in_its_own_array()
    {
        Assert.Null(CholeskyFactor.TryFactorOwned([1, 1, 1, 1], 2));
    }

    [Fact]
    public void Singular_matrix_gets_jitter_instead_of_throwing()
    {
        var a = new double[] { 1, 1, 1, 1 };
        var chol = CholeskyFactor.Factor(a, 2);
        Assert.True(chol.Jitter > 0);
    }
}
