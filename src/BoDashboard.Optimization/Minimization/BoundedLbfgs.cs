namespace BoDashboard.Optimization.Minimization;

/// <summary>
/// Projected L-BFGS for box-constrained minimisation with analytic gradients. Coordinates pinned at a bound with
/// the gradient pushing outward are frozen for the step; the step is projected onto the box and accepted by an
/// Armijo backtracking test. Never throws on a bad objective: it returns the best point it evaluated.
/// </summary>
internal static class BoundedLbfgs
{
    /// <summary>Computes f(x) and writes its gradient into the second argument.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static (double[] X, double Value, int Evaluations) Minimize(Objective f, ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxIterations = 100, int memory = 8,
        double gradientTolerance = 1e-6, double relativeTolerance = 1e-9, double toleranceFloor = 1.0)
    {
        var search = new Search(start.ToArray(), lower.ToArray(), upper.ToArray(), maxIterations, memory, gradientTolerance, relativeTolerance, toleranceFloor);
        while (search.Next())
        {
            search.Value = f(search.Point, search.Gradient);
        }

        return search.Result;
    }

    /// <summary>
    /// Several minimisations run in lockstep, so that each round's evaluations (one per unfinished search) go to
    /// <paramref name="f"/> together: an objective that costs one pass over a large matrix per point (a GP's
    /// acquisition) then reads it once for several points. Each search takes exactly the steps it takes alone.
    /// A search stops when an iteration lowers f by at most <paramref name="relativeTolerance"/> times
    /// max(<paramref name="toleranceFloor"/>, |f|): with a floor of 1 that is an absolute tolerance for small values,
    /// with a floor of 0 a purely relative one (an acquisition whose values are all tiny late in a study).
    /// </summary>
    /// <remarks>
    /// With <paramref name="abandonHopeless"/>, a search is stopped (its result: its last accepted point) once it cannot
    /// catch up with the best value any search has reached: after <see cref="Search.RecentSteps"/> iterations, when
    /// twice its largest decrease of the last <see cref="Search.RecentSteps"/> iterations, for every iteration it has
    /// left, would not bring it there. Callers that want only the best search's result (the acquisition's maximiser)
    /// then stop paying for searches creeping up lower peaks. The leading search is never stopped this way.
    /// </remarks>
    public static List<(double[] X, double Value, int Evaluations)> MinimizeTogether(BatchObjective f, IReadOnlyList<double[]> starts,
        double[] lower, double[] upper, int maxIterations = 100, int memory = 8, double gradientTolerance = 1e-6, double relativeTolerance = 1e-9,
        double toleranceFloor = 1.0, bool abandonHopeless = false)
    {
        var searches = starts.Select(s => new Search(s, lower, upper, maxIterations, memory, gradientTolerance, relativeTolerance, toleranceFloor)).ToList();
        var active = Enumerable.Range(0, searches.Count).Where(i => searches[i].Next()).ToList();
        while (active.Count > 0)
        {
            var values = f(active, [.. active.Select(i => searches[i].Point)], [.. active.Select(i => searches[i].Gradient)]);
            for (var k = 0; k < active.Count; k++)
            {
                searches[active[k]].Value = values[k];
            }

            active = active.Where(i => searches[i].Next()).ToList();
            if (abandonHopeless && active.Count > 0)
            {
                // A search whose objective failed (NaN) leads nothing: LINQ's Min would return its NaN.
                var leader = searches.Select(search => search.Accepted).Where(double.IsFinite).DefaultIfEmpty(double.PositiveInfinity).Min();
                active = active.Where(i => !searches[i].Abandoned(leader, maxIterations)).ToList();
            }
        }

        return searches.Select(s => s.Result).ToList();
    }

    /// <summary>Computes f at every point (each of the search with the same position in <paramref name="searches"/>, an index
    /// into the starts) and writes each gradient into the matching array.</summary>
    public delegate double[] BatchObjective(IReadOnlyList<int> searches, IReadOnlyList<double[]> points, IReadOnlyList<double[]> gradients);

    /// <summary>
    /// One minimisation as a sequence of requests: after <see cref="Next"/> returns true, the caller computes the
    /// objective at <see cref="Point"/>, writes its gradient into <see cref="Gradient"/> and sets <see cref="Value"/>.
    /// </summary>
    private sealed class Search
    {
        private readonly IEnumerator<bool> _steps;

        public Search(double[] start, double[] lower, double[] upper, int maxIterations, int memory, double gradientTolerance,
            double relativeTolerance, double toleranceFloor)
        {
            _steps = Steps(start, lower, upper, maxIterations, memory, gradientTolerance, relativeTolerance, toleranceFloor).GetEnumerator();
        }

        public double[] Point { get; private set; } = [];

        public double[] Gradient { get; private set; } = [];

        public double Value { get; set; }

        public (double[] X, double Value, int Evaluations) Result { get; private set; }

        /// <summary>Iterations over which <see cref="Abandoned"/> looks at a search's progress.</summary>
        public const int RecentSteps = 5;

        /// <summary>How many times its largest recent decrease a search is allowed per remaining iteration.</summary>
        private const double Reach = 2;

        // The last accepted point and value, the accepted iterations so far and their latest decreases.
        private double[] _accepted = [];
        private int _evaluations;
        private int _iterations;
        private readonly Queue<double> _recentDecreases = new();

        /// <summary>The value at the last accepted point (+infinity before the start is evaluated).</summary>
        public double Accepted { get; private set; } = double.PositiveInfinity;

        /// <summary>
        /// Whether this search cannot reach <paramref name="leader"/> in the iterations it has left, going by its
        /// recent decreases; if so, it ends here with its last accepted point as its result.
        /// </summary>
        public bool Abandoned(double leader, int maxIterations)
        {
            if (_iterations < RecentSteps || !(Accepted > leader))
            {
                return false;
            }

            var reach = Reach * (maxIterations - _iterations) * _recentDecreases.Max();
            if (!(Accepted - reach > leader))
            {
                return false;
            }

            Result = (_accepted, Accepted, _evaluations);
            return true;
        }

        private void Accept(double[] x, double value, int evaluations, double decrease)
        {
            (_accepted, Accepted, _evaluations) = (x, value, evaluations);
            if (decrease >= 0)
            {
                _iterations++;
                if (_recentDecreases.Count == RecentSteps)
                {
                    _recentDecreases.Dequeue();
                }

                _recentDecreases.Enqueue(decrease);
            }
        }

        /// <summary>Runs to the next evaluation it needs; false when the search is over (see <see cref="Result"/>).</summary>
        public bool Next() => _steps.MoveNext();

        private IEnumerable<bool> Steps(double[] start, double[] lower, double[] upper, int maxIterations, int memory, double gradientTolerance,
            double relativeTolerance, double toleranceFloor)
        {
            var n = start.Length;
            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = Math.Clamp(start[i], lower[i], upper[i]);
            }

            var g = new double[n];
            (Point, Gradient) = (x, g);
            yield return false;
            var fx = Value;
            var evaluations = 1;
            Accept(x, fx, evaluations, decrease: -1);
            if (!double.IsFinite(fx))
            {
                Result = (x, fx, evaluations);
                yield break;
            }

            var s = new List<double[]>(memory);
            var y = new List<double[]>(memory);
            var rho = new List<double>(memory);
            var d = new double[n];
            var xn = new double[n];
            var gn = new double[n];
            var free = new bool[n];
            var alpha = new double[memory];

            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                var projectedNorm = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var atLower = x[i] <= lower[i] && g[i] > 0;
                    var atUpper = x[i] >= upper[i] && g[i] < 0;
                    free[i] = !(atLower || atUpper);
                    if (free[i])
                    {
                        projectedNorm = Math.Max(projectedNorm, Math.Abs(g[i]));
                    }
                }

                if (projectedNorm < gradientTolerance)
                {
                    break;
                }

                // Two-loop recursion on the free coordinates.
                for (var i = 0; i < n; i++)
                {
                    d[i] = free[i] ? -g[i] : 0;
                }

                for (var k = s.Count - 1; k >= 0; k--)
                {
                    alpha[k] = rho[k] * MaskedDot(s[k], d, free);
                    MaskedAxpy(-alpha[k], y[k], d, free);
                }

                if (s.Count > 0)
                {
                    var last = s.Count - 1;
                    var gamma = MaskedDot(s[last], y[last], free) / Math.Max(MaskedDot(y[last], y[last], free), 1e-300);
                    if (gamma > 0 && double.IsFinite(gamma))
                    {
                        for (var i = 0; i < n; i++)
                        {
                            d[i] *= gamma;
                        }
                    }
                }

                for (var k = 0; k < s.Count; k++)
                {
                    var beta = rho[k] * MaskedDot(y[k], d, free);
                    MaskedAxpy(alpha[k] - beta, s[k], d, free);
                }

                var slope = MaskedDot(g, d, free);
                if (!(slope < 0) || !double.IsFinite(slope))
                {
                    // Curvature memory went bad: fall back to steepest descent.
                    s.Clear();
                    y.Clear();
                    rho.Clear();
                    for (var i = 0; i < n; i++)
                    {
                        d[i] = free[i] ? -g[i] : 0;
                    }
                }

                var step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Max(projectedNorm, 1e-12)) : 1.0;
                var accepted = false;
                double fn = 0;
                for (var trial = 0; trial < 30; trial++)
                {
                    var decrease = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        xn[i] = Math.Clamp(x[i] + step * d[i], lower[i], upper[i]);
                        decrease += g[i] * (xn[i] - x[i]);
                    }

                    (Point, Gradient) = (xn, gn);
                    yield return false;
                    fn = Value;
                    evaluations++;
                    if (double.IsFinite(fn) && fn <= fx + 1e-4 * decrease)
                    {
                        accepted = true;
                        break;
                    }

                    step *= 0.5;
                }

                if (!accepted)
                {
                    break;
                }

                var sk = new double[n];
                var yk = new double[n];
                var sy = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sk[i] = xn[i] - x[i];
                    yk[i] = gn[i] - g[i];
                    sy += sk[i] * yk[i];
                }

                var previous = fx;
                Array.Copy(xn, x, n);
                Array.Copy(gn, g, n);
                fx = fn;
                Accept(x, fx, evaluations, previous - fx);
                if (sy > 1e-12)
                {
                    if (s.Count == memory)
                    {
                        s.RemoveAt(0);
                        y.RemoveAt(0);
                        rho.RemoveAt(0);
                    }

                    s.Add(sk);
                    y.Add(yk);
                    rho.Add(1.0 / sy);
                }

                if (previous - fx <= relativeTolerance * Math.Max(toleranceFloor, Math.Abs(fx)))
                {
                    break;
                }
            }

            Result = (x, fx, evaluations);
        }
    }


    private static double MaskedDot(double[] a, double[] b, bool[] mask)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            if (mask[i])
            {
                sum += a[i] * b[i];
            }
        }

        return sum;
    }

    private static void MaskedAxpy(double alpha, double[] x, double[] y, bool[] mask)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (mask[i])
            {
                y[i] += alpha * x[i];
            }
        }
    }
}
