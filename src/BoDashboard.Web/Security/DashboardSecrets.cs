using System.Security.Cryptography;
using System.Text;

namespace BoDashboard.Web.Security;

/// <summary>
/// The shared secrets that protect the dashboard: <c>Auth:Password</c> for the sign-in page and <c>Api:Key</c> for
/// scripts (the X-Api-Key header). Either one alone protects everything: without a password the sign-in page takes
/// the key, and without a key the header takes the password.
/// </summary>
public sealed record DashboardSecrets(string? Password, string? ApiKey)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static DashboardSecrets From(IConfiguration configuration) =>
        new(NullIfEmpty(configuration["Auth:Password"]), NullIfEmpty(configuration["Api:Key"]));

    /// <summary>Whether sign-in is required at all; without a secret the app only listens on loopback.</summary>
    public bool Required => Password is not null || ApiKey is not null;

    public bool IsSignInSecret(string? given) => Matches(given, Password ?? ApiKey);

    public bool IsApiKey(string? given) => Matches(given, ApiKey ?? Password);

    /// <summary>Constant time, and over hashes so that not even the secret's length shows in the timing.</summary>
    private static bool Matches(string? given, string? expected) =>
        expected is not null && given is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
