namespace BoDashboard.Training.Settings;

/// <summary>
/// The one spelling of each setting value used in JSON, the CLI and the UI ("fashion-mnist", "compact", "auto"),
/// so callers never invent their own.
/// </summary>
public static class SettingNames
{
    public static string Of(DatasetKind kind) => kind switch
    {
        DatasetKind.FashionMnist => "fashion-mnist",
        DatasetKind.ImageFolder => "image-folder",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(ModelKind kind) => kind switch
    {
        ModelKind.Compact => "compact",
        ModelKind.Classic => "classic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(DeviceKind kind) => kind switch
    {
        DeviceKind.Auto => "auto",
        DeviceKind.Cpu => "cpu",
        DeviceKind.Cuda => "cuda",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static DatasetKind ParseDataset(string name) => Parse(name, Enum.GetValues<DatasetKind>(), Of);

    public static ModelKind ParseModel(string name) => Parse(name, Enum.GetValues<ModelKind>(), Of);

    public static DeviceKind ParseDevice(string name) => Parse(name, Enum.GetValues<DeviceKind>(), Of);

    private static T Parse<T>(string name, T[] values, Func<T, string> nameOf)
    {
        foreach (var value in values)
        {
            if (string.Equals(nameOf(value), name.Trim(), StringComparison.OrdinalIgnoreCase))
                return value;
        }
        throw new ArgumentException(
            $"Unknown value '{name}'; expected one of: {string.Join(", ", values.Select(nameOf))}.", nameof(name));
    }
}
