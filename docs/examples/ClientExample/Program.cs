// The C# twin of docs/clients/python/example.py: minimise a small function through BoDashboard's ask/report/tell API.
//   dotnet run --project src/BoDashboard.Web -c Release                         # the dashboard, in another terminal
//   dotnet run --project docs/examples/ClientExample -c Release -- --url http://127.0.0.1:5080
using BoDashboard.Client;
using BoDashboard.Examples;

ExampleOptions options;
try
{
    options = ExampleOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var client = new BoDashboardClient(options.Url, options.ApiKey);
try
{
    await QuadraticStudy.RunAsync(client, options, Console.Out, cancel.Token);
    return 0;
}
catch (BoDashboardApiException e)
{
    Console.Error.WriteLine($"the server refused: {e.Message}");
    foreach (var error in e.Errors) Console.Error.WriteLine($"  {error.Field}: {error.Message}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"cannot reach {options.Url}: {e.Message} (is the dashboard running?)");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("stopped");
    return 130;
}
