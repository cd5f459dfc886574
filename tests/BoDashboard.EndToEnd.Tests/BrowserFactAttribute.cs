namespace BoDashboard.EndToEnd.Tests;

/// <summary>A test that needs Debian's Chromium: reported as skipped (never passed) where it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath))
            Skip = $"{Browser.ExecutablePath} is not installed (apt-get install chromium)";
    }
}
