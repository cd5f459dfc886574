using System.Globalization;
using System.Text.Json;

// A stand-in for your training program. BoDashboard passes the trial's parameters as arguments (configured as
// "--learning-rate", "{learning_rate}", ...), as BO_PARAM_* variables and as the JSON object BO_PARAMS; artifacts go to
// BO_TRIAL_DIR. It reports on stdout: "bo:report step=N value=X" per epoch and "bo:result value=X" at the end.
var learningRate = Argument("--learning-rate") ?? Environment.GetEnvironmentVariable("BO_PARAM_LEARNING_RATE") ?? "0.01";
var epochs = int.Parse(Argument("--epochs") ?? "5", CultureInfo.InvariantCulture);
var lr = double.Parse(learningRate, CultureInfo.InvariantCulture);

Console.WriteLine($"training with learning rate {lr} for {epochs} epochs");
// A made-up accuracy curve whose ceiling peaks at lr = 0.01 (log scale): replace with your model.
var ceiling = 0.92 * Math.Exp(-Math.Pow(Math.Log10(lr) + 2, 2) / 2);
var curve = new List<double>();
for (var epoch = 1; epoch <= epochs; epoch++)
{
    Thread.Sleep(200);
    var accuracy = ceiling * (1 - Math.Exp(-epoch / 1.5));
    curve.Add(accuracy);
    Console.WriteLine($"epoch {epoch}: validation accuracy {accuracy:F4}");
    Console.WriteLine(FormattableString.Invariant($"bo:report step={epoch} value={accuracy:R}"));
}

if (Environment.GetEnvironmentVariable("BO_TRIAL_DIR") is { Length: > 0 } folder)
    File.WriteAllText(Path.Combine(folder, "curve.json"), JsonSerializer.Serialize(curve));
Console.WriteLine(FormattableString.Invariant($"bo:result value={curve.Max():R}"));
return 0;

string? Argument(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
