namespace BoDashboard.Client.Tests;

/// <summary>A test that runs <c>python3</c>: reported as skipped (never passed) where it is not on PATH.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python.Executable is null) Skip = "python3 is not on PATH (apt-get install python3)";
    }
}
