using System.Net;

namespace BoDashboard.Web.Security;

/// <summary>
/// Without a password or API key the dashboard is open to whoever can reach it, so it refuses to start on any
/// address but loopback (<c>--urls http://0.0.0.0:5080</c>, a host name, <c>ASPNETCORE_HTTP_PORTS</c>, a Kestrel
/// endpoint). With a secret it may listen anywhere.
/// </summary>
public static class LoopbackGuard
{
    /// <summary>The configured addresses that are not loopback; empty when the app may start unprotected.</summary>
    public static IReadOnlyList<string> NonLoopbackAddresses(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        var offending = urls.Where(u => !IsLoopbackUrl(u)).ToList();
        // Bare ports (ASPNETCORE_HTTP_PORTS / HTTPS_PORTS) bind every interface; they only apply when no URL is set.
        if (string.IsNullOrWhiteSpace(configuration["urls"]))
        {
            offending.AddRange(Split(configuration["http_ports"]).Concat(Split(configuration["https_ports"])).Select(p => $"port {p} on every interface"));
        }

        return offending;
    }

    /// <summary>Throws with an explanation when the app would listen beyond loopback without a secret.</summary>
    public static void Check(IConfiguration configuration, DashboardSecrets secrets)
    {
        if (secrets.Required) return;
        var offending = NonLoopbackAddresses(configuration);
        if (offending.Count > 0)
            throw new InvalidOperationException(
                $"refusing to listen on {string.Join(", ", offending)} without a password: anyone who can reach it could run commands " +
                "on this machine. Set Auth:Password (or Api:Key), or listen on 127.0.0.1 and use an SSH tunnel or a reverse proxy (README: Share the dashboard with a team).");
    }

    public static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcards (http://*:5080, http://+:5080) are not valid URIs; they mean every interface.
        var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[..(host.IndexOf(']') + 1)];
        }
        else if (host.Contains(':'))
        {
            host = host[..host.LastIndexOf(':')];
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
