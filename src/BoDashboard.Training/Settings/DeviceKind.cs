namespace BoDashboard.Training.Settings;

/// <summary>Where tensors live; Auto picks CUDA when torch reports it available.</summary>
public enum DeviceKind
{
    Auto,
    Cpu,
    Cuda,
}
