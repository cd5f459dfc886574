using BoDashboard.Optimization.Acquisition;
using BoDashboard.Optimization.GaussianProcess;
using BoDashboard.Optimization.Space;

namespace BoDashboard.Optimization.Samplers;

/// <summary>
/// Bayesian optimisation: <see cref="SamplerSettings.InitialPoints"/> random trials, then the maximiser of the
/// acquisition (EI by default) under a GP fitted to the completed trials. Pending (running) trials and earlier
/// points of the same batch enter the GP as noise-free fantasies at its own mean ("kriging believer"), which
/// flattens the acquisition there, so a batch spreads out; exact repeats are refused outright. The other
/// <see cref="SamplerSettings.PendingFantasies"/> are an optimistic believer, a constant liar, local penalisation
/// (see <see cref="PendingFantasy"/>) and Thompson-sampled global steps (<see cref="ThompsonStep"/>).
/// </summary>
public sealed class GpEiSampler(SamplerSettings settings) : ISampler
{
    // Side of the local steps' box (unit cube, before scaling by relative length scale): TuRBO's 0.8 after one halving.
    private const double TrustRegionSize = 0.4;

    // Local steps start only at this trial: committing to the first basin found earlier than that strands more seeds
    // in Hartmann's second-best basin (measured 11 vs 13 of 20 seeds reaching the global one).
    private const int LocalFrom = 15;

    public SamplerSettings Settings { get; } = settings;

    public IReadOnlyList<Suggestion> Suggest(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count) =>
        Proposals(space, direction, history, count).Select(p => p.ToSuggestion()).ToList();

    /// <summary>
    /// The trial this sampler will propose next for <paramref name="history"/> (exactly what <see cref="Suggest"/>
    /// returns for one trial), with how it was chosen and the GP behind it, so a page can draw the model and mark the
    /// point that will really be tried: a trust-region step or the final exploitation step is not the global
    /// acquisition maximum.
    /// </summary>
    public SamplerProposal Propose(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history) =>
        Proposals(space, direction, history, 1)[0];

    private List<SamplerProposal> Proposals(SearchSpace space, Direction direction, IReadOnlyList<TrialRecord> history, int count)
    {
        var observations = ObservationSet.From(space, direction, history);
        var random = SamplerSeed.For(Settings.Seed, history.Count);
        var proposals = new List<SamplerProposal>(count);
        GaussianProcessModel? model = null;
        GaussianProcessModel? completed = null;
        // Local penalisation keeps the GP on completed trials and penalises the acquisition around every pending point
        // instead, including the earlier points of this batch.
        var penalised = Settings.PendingFantasy == SamplerSettings.Penalisation;
        var pending = new List<double[]>(observations.Pending);
        double? lipschitz = null;
        for (var i = 0; i < count; i++)
        {
            var trial = history.Count + i;
            if (trial < Settings.InitialPoints || observations.CompletedCount == 0)
            {
                var x = observations.FreshRandom(random);
                observations.Remember(x);
                pending.Add(x);
                proposals.Add(new SamplerProposal(space.Decode(x), trial < Settings.InitialPoints ? SuggestionOrigins.Initial : SuggestionOrigins.Random,
                    null, null));
                continue;
            }

            var last = Settings.Budget is { } budget && trial == budget - 1;
            if (model is null)
            {
                (completed, model) = Fit(observations, history.Count, final: last);
            }
            if (last && Settings.PendingFantasy == SamplerSettings.Optimist && i > 0)
            {
                // This batch's earlier points were fantasised optimistically; the final step wants them believed.
                model = FitWithPending(observations, history.Count, final: true);
                foreach (var earlier in pending.Skip(observations.Pending.Count))
                {
                    model = model.Condition([earlier], [PendingFantasy.Value(SamplerSettings.Believer, model, earlier, 0)], exact: true);
                }
            }

            Func<IAcquisition, IAcquisition>? adjust = null; // how the pending strategy changes the acquisition, if it does
            if (penalised && pending.Count > 0)
            {
                var fitted = model;
                lipschitz ??= LocalPenalisation.EstimateLipschitz(fitted, LipschitzProbes(observations, history.Count));
                var snapshot = pending.ToArray();
                adjust = a => new LocalPenalisation(a, fitted, snapshot, lipschitz.Value);
            }
            else if (Settings.PendingFantasy == SamplerSettings.Integrated && pending.Count > 0 && !last)
            {
                // The acquisition averaged over fantasised GPs, one per joint draw of the pending outcomes, from a
                // random stream of its own (the acquisition search's stream stays as it is).
                var integrated = IntegratedPending.Create(completed!, pending, m => AcquisitionFunctions.Create(Settings.Acquisition, m, Settings.Xi, Settings.Kappa),
                    SamplerSeed.For(Settings.Seed, trial, salt: 9));
                adjust = _ => integrated;
            }

            // With thompson and trials pending, a posterior draw takes the global steps' place; trust-region steps keep EI,
            // which refines the incumbent more finely than a draw over candidates does (docs/benchmarks.md).
            var local = trial % 2 == 1 && trial >= LocalFrom;
            var sampled = Settings.PendingFantasy == SamplerSettings.Thompson && pending.Count > 0 && !last && !local
                ? ThompsonDraw(space, observations, model, trial)
                : null;
            var step = sampled is { } draw
                ? (draw.Point, draw.Value, null, null)
                : NextPoint(space, observations, model, random, last, local, adjust);
            observations.Remember(step.Point);
            pending.Add(step.Point);
            var origin = sampled is not null ? SuggestionOrigins.Thompson
                : step.Lower is not null ? SuggestionOrigins.TrustRegion : last ? SuggestionOrigins.Final : SuggestionOrigins.Acquisition;
            proposals.Add(new SamplerProposal(space.Decode(step.Point), origin, double.IsFinite(step.Value) ? step.Value : null, model,
                step.Lower, step.Upper));
            if (i + 1 < count && !penalised)
            {
                // The same fantasy as for a pending trial (see FitWithPending).
                model = model.Condition([step.Point], [PendingFantasy.Value(Settings.PendingFantasy, model, step.Point, observations.Targets.Min())],
                    exact: PendingFantasy.IsExact(Settings.PendingFantasy));
            }
        }

        return proposals;
    }

    /// <summary>The GP on the completed (and imputed) trials, conditioned on pending trials at its own mean (with
    /// <see cref="SamplerSettings.Optimist"/> half a standard deviation above it, unless <paramref name="final"/>; with
    /// <see cref="SamplerSettings.Liar"/>, at the worst value seen; with <see cref="SamplerSettings.Penalisation"/> not
    /// conditioned: the acquisition is penalised around them instead).</summary>
    internal GaussianProcessModel FitWithPending(ObservationSet observations, int trials, bool final = false) =>
        Fit(observations, trials, final).WithPending;

    /// <summary>The GP on the completed (and imputed) trials, and the same conditioned as <see cref="FitWithPending"/> says.</summary>
    private (GaussianProcessModel Completed, GaussianProcessModel WithPending) Fit(ObservationSet observations, int trials, bool final)
    {
        // A long study's fit starts from its previous one, or reuses it until a refit is due (only fits on a subset;
        // see GaussianProcessOptions and WarmStartMemory).
        var longStudy = observations.Inputs.Count > GaussianProcessOptions.Default.MaxFitPoints;
        var previous = longStudy ? WarmStartMemory.Recall(Settings.Seed, observations.Inputs, observations.Targets) : null;
        var reuse = previous is not null && !previous.RefitDue(observations.Inputs.Count);
        var options = new GaussianProcessOptions(FixedNoise: Settings.Noise, Seed: SamplerSeed.Mix(Settings.Seed, trials, salt: 1),
            CoordinateGroups: observations.Space.LengthScaleGroups, WarmStart: previous?.Fit.Hyperparameters, Reuse: reuse ? previous!.Fit : null);
        var (inputs, targets) = ModelSubset.Select(observations.Inputs, observations.Targets, ModelSubset.MaxPointsFor(observations.Space.Dimension), SamplerSeed.For(Settings.Seed, trials, salt: 3));
        var model = GaussianProcessModel.Fit(inputs, targets, options);
        if (longStudy && !reuse)
        {
            WarmStartMemory.Remember(Settings.Seed, observations.Inputs, observations.Targets,
                new WarmStartMemory.RememberedFit(new PreviousFit(model.Hyperparameters, model.TargetStd), observations.Inputs.Count));
        }

        if (observations.Pending.Count == 0 || Settings.PendingFantasy == SamplerSettings.Penalisation)
        {
            return (model, model);
        }

        // The believer's fantasies are exact: with the noise the GP learnt (large on rugged functions such as Ackley,
        // whose ripples look like noise) a fantasy barely lowered the variance at its point, so EI stayed highest right
        // next to it and a batch piled up on one spot, which the next fit read as yet more noise. The liar's low value
        // stays a noisy observation: made exact it would carve a sharp hole rather than push the batch away.
        var worst = observations.Targets.Min();
        var fantasies = observations.Pending.Select(p => PendingFantasy.Value(Settings.PendingFantasy, model, p, worst, final)).ToArray();
        return (model, model.Condition(observations.Pending, fantasies, exact: PendingFantasy.IsExact(Settings.PendingFantasy)));
    }

    /// <summary>The acquisition's maximiser among points not yet tried or pending.</summary>
    /// <remarks>
    /// With a known budget the final trial maximises the posterior mean instead: exploration can no longer pay off,
    /// so the last evaluation goes where the model believes the optimum is. A <paramref name="local"/> step (every
    /// other trial) maximises the acquisition only inside a trust region around the incumbent: global EI alone
    /// keeps creeping along a promising basin too slowly (Hartmann) and drifts off Rosenbrock's valley, and
    /// alternating halves the regret there while the global steps still find other basins.
    /// </remarks>
    internal (double[] Point, double Value, double[]? Lower, double[]? Upper) NextPoint(SearchSpace space, ObservationSet observations,
        GaussianProcessModel model, Random random, bool last = false, bool local = false, Func<IAcquisition, IAcquisition>? adjust = null)
    {
        IAcquisition acquisition = last
            ? new UpperConfidenceBound(model, 0.0)
            : AcquisitionFunctions.Create(Settings.Acquisition, model, Settings.Xi, Settings.Kappa);
        if (adjust is not null)
        {
            acquisition = adjust(acquisition);
        }

        var optimizer = new AcquisitionOptimizer(space, OptimizerOptions(model.Count));
        var anchors = observations.Best(5);
        if (local && !last && anchors.Count > 0)
        {
            var (lower, upper) = TrustRegion(anchors[0], model, TrustRegionSize);
            var (localPoint, localValue) = optimizer.Maximize(acquisition, random, anchors, observations.IsNew, lower, upper);
            return (localPoint, localValue, lower, upper);
        }

        var (point, value) = optimizer.Maximize(acquisition, random, anchors, observations.IsNew);
        return (point, value, null, null);
    }

    /// <summary>With <see cref="SamplerSettings.Thompson"/> and trials pending: the maximum of one posterior draw over
    /// candidates around the incumbent and across the space (see <see cref="ThompsonStep"/>), from a random stream of
    /// its own; null when no candidate is new (the acquisition then chooses).</summary>
    private (double[] Point, double Value)? ThompsonDraw(SearchSpace space, ObservationSet observations, GaussianProcessModel model, int trial)
    {
        var anchors = observations.Best(1);
        var incumbent = anchors.Count > 0 ? anchors[0] : null;
        var (lower, upper) = incumbent is not null
            ? TrustRegion(incumbent, model, TrustRegionSize)
            : (new double[space.Dimension], Enumerable.Repeat(1.0, space.Dimension).ToArray());
        return ThompsonStep.Choose(space, model, incumbent, lower, upper, observations.IsNew, SamplerSeed.For(Settings.Seed, trial, salt: 7));
    }

    /// <summary>
    /// Candidate budget shrinks with n because scoring one candidate costs O(n^2): about 3e7 multiply-adds per
    /// suggestion, never fewer than 500 uniform candidates nor more than bayes_opt's 10,000. Above 120 points the local
    /// searches stop once an iteration gains less than 1e-6 of the acquisition's value (instead of 1e-10 in absolute
    /// terms): in a 20-D study at 2,000 trials that saves a third of their time for a maximum lower by under 1e-5 of it;
    /// and searches that cannot catch up with the best one are abandoned (docs/benchmarks.md, many-trials).
    /// </summary>
    internal static AcquisitionOptimizerOptions OptimizerOptions(int n)
    {
        var raw = (int)Math.Clamp(3e7 / Math.Max(1.0, (double)n * n), 500, 10000);
        return new AcquisitionOptimizerOptions(RawSamples: raw, LocalSamples: Math.Max(150, raw / 5), Restarts: n > 150 ? 5 : 10,
            RelativeTolerance: n > 120 ? 1e-6 : 1e-10, ToleranceFloor: n > 120 ? 0 : 1, AbandonHopeless: n > 120);
    }

    /// <summary>
    /// A TuRBO-style box around the incumbent: side <paramref name="size"/> times each length scale over their
    /// geometric mean, so the box is long where the model varies slowly.
    /// </summary>
    private static (double[] Lower, double[] Upper) TrustRegion(double[] center, GaussianProcessModel model, double size)
    {
        var scales = model.Hyperparameters.LengthScales;
        var logMean = scales.Average(Math.Log);
        var lower = new double[center.Length];
        var upper = new double[center.Length];
        for (var d = 0; d < center.Length; d++)
        {
            var half = 0.5 * size * Math.Exp(Math.Log(scales[d]) - logMean);
            lower[d] = Math.Max(0, center[d] - half);
            upper[d] = Math.Min(1, center[d] + half);
        }

        return (lower, upper);
    }

    // Where the GP mean's gradient is measured for local penalisation's Lipschitz constant: random points from a stream
    // of their own (the acquisition search's stream stays as it is) and the observations.
    private const int LipschitzRandomProbes = 500;

    private IEnumerable<double[]> LipschitzProbes(ObservationSet observations, int trials)
    {
        var random = SamplerSeed.For(Settings.Seed, trials, salt: 5);
        return Enumerable.Range(0, LipschitzRandomProbes).Select(_ => observations.Space.SampleUnit(random)).Concat(observations.Inputs);
    }
}
