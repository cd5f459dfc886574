using System.Globalization;

namespace BoDashboard.Cli.Runs;

/// <summary>Learning curves recorded from the real AlexNet objective: per configuration (learning rate, weight decay)
/// the validation accuracy after every epoch, or where it diverged. Stored as CSV so that anyone can read, diff and
/// replay it: <c>index,learning_rate,weight_decay,diverged,seconds,epoch_1,...,epoch_N</c>.</summary>
public sealed record LearningCurveTable(IReadOnlyList<RecordedCurve> Curves)
{
    public int Epochs => Curves.Count == 0 ? 0 : Curves.Max(c => c.Accuracies.Count);

    /// <summary>Reads a table; a file that is not one (another CSV, a truncated write) is an
    /// <see cref="InvalidDataException"/> naming the file and the line.</summary>
    public static LearningCurveTable Read(string path)
    {
        var curves = new List<RecordedCurve>();
        var number = 1;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            number++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            try
            {
                curves.Add(new RecordedCurve(
                    int.Parse(cells[0], CultureInfo.InvariantCulture), Number(cells[1]), Number(cells[2]), cells[3] == "1", Number(cells[4]),
                    cells.Skip(5).Where(c => c.Length > 0).Select(Number).ToList()));
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"{path}, line {number}: not a learning-curve row ({Header(1).Replace("epoch_1", "epoch_1,...")})");
            }
        }
        if (curves.Count == 0) throw new InvalidDataException($"{path}: the learning-curve table has no rows");
        return new LearningCurveTable(curves);
    }

    public static string Header(int epochs) =>
        "index,learning_rate,weight_decay,diverged,seconds," + string.Join(',', Enumerable.Range(1, epochs).Select(e => $"epoch_{e}"));

    public static string Row(RecordedCurve c, int epochs) => string.Join(',', new[]
    {
        c.Index.ToString(CultureInfo.InvariantCulture), c.LearningRate.ToString("R", CultureInfo.InvariantCulture),
        c.WeightDecay.ToString("R", CultureInfo.InvariantCulture), c.Diverged ? "1" : "0", c.Seconds.ToString("F1", CultureInfo.InvariantCulture),
    }.Concat(Enumerable.Range(0, epochs).Select(e => e < c.Accuracies.Count ? c.Accuracies[e].ToString("R", CultureInfo.InvariantCulture) : "")));
}

/// <summary>One recorded training run; <see cref="Accuracies"/>[e] is the validation accuracy after epoch e + 1 (shorter
/// when it diverged).</summary>
public sealed record RecordedCurve(int Index, double LearningRate, double WeightDecay, bool Diverged, double Seconds, IReadOnlyList<double> Accuracies);
