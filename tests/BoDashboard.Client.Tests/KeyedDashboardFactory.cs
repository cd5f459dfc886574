using BoDashboard.Tests.Shared;

namespace BoDashboard.Client.Tests;

/// <summary>The app with <c>Api:Key</c> set: every /api request must carry <see cref="Key"/> as X-Api-Key.</summary>
public sealed class KeyedDashboardFactory : TestDashboardFactory
{
    public const string Key = "client-tests-secret";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Api:Key"] = Key };
}
