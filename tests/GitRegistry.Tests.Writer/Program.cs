// Usage: GitRegistry.Tests.Writer REGISTRY MODEL COUNT WORK_FOLDER
// Waits until WORK_FOLDER/go exists (so that every writer starts at once), then registers COUNT versions of
// MODEL, each with an artifact of its own, and prints one version number per line. Exit code 1 on any error.
using GitRegistry;
using GitRegistry.Registration;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: GitRegistry.Tests.Writer REGISTRY MODEL COUNT WORK_FOLDER");
    return 2;
}
var (registryPath, model, count, work) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
var me = Environment.ProcessId;
try
{
    using var registry = Registry.Open(registryPath);
    File.WriteAllText(Path.Combine(work, $"ready-{me}"), "");
    while (!File.Exists(Path.Combine(work, "go")))
    {
        Thread.Sleep(1);
    }
    for (var i = 0; i < count; i++)
    {
        var artifact = Path.Combine(work, $"artifact-{me}-{i}.onnx");
        File.WriteAllText(artifact, $"process {me} artifact {i} {Guid.NewGuid()}");
        var result = registry.Register(new RegistrationRequest { Name = model, ArtifactPath = artifact });
        Console.WriteLine(result.Manifest.Version);
    }
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}
