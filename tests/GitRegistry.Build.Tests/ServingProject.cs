namespace GitRegistry.Build.Tests;

/// <summary>
/// A real serving project in a temp folder: references GitRegistry.Build and GitRegistry.Runtime from the packed feed,
/// serves churn_predictor's Production, and is built and run with the real dotnet as the registry's hermetic user.
/// </summary>
public sealed class ServingProject
{
    private readonly ServingRegistry _registry;

    public ServingProject(PackedFeed feed, ServingRegistry registry)
    {
        _registry = registry;
        Directory = registry.User.PathOf("Serving");
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "Serving.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GitRegistryUrl>../registry</GitRegistryUrl>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GitRegistry.Build" Version="0.1.0" PrivateAssets="all" />
                <PackageReference Include="GitRegistry.Runtime" Version="0.1.0" />
                <ModelReference Include="churn_predictor" Stage="Production" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), """
            using GitRegistry.Runtime;
            using Serving;

            try
            {
                var model = RegisteredModels.Get(ModelCatalog.ChurnPredictor.Name);
                Console.WriteLine($"model={model.Name} version={model.Version} sha256={model.Sha256} catalog_version={ModelCatalog.ChurnPredictor.Version} " +
                    $"stage={ModelCatalog.ChurnPredictor.Stage} input={ModelCatalog.ChurnPredictor.Inputs.TenureMonths} auc={model.Manifest.Metrics["test"]["auc_roc"]}");
                return 0;
            }
            catch (ModelArtifactException e)
            {
                Console.Error.WriteLine(e.Message);
                return 3;
            }
            """);
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), SourcePackages.NuGetConfig(feed.Feed));
        var user = registry.User;
        user.Environment["NUGET_PACKAGES"] = feed.Packages;
        user.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        user.Environment["DOTNET_NOLOGO"] = "1";
        user.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        user.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    public string Directory { get; }

    public string Output => Path.Combine(Directory, "bin", "Debug", "net10.0");

    public string LockFile => Path.Combine(Directory, "models.lock.json");

    public string OutputArtifact => Path.Combine(Output, "models", "churn_predictor", "model.onnx");

    /// <summary>The per-user cache, at its default place under the (hermetic) home folder.</summary>
    public string CachedArtifact(int version) =>
        Path.Combine(_registry.User.Home, ".gitregistry", "cache", "artifacts", "sha256", _registry.Sha256(version)[..2], _registry.Sha256(version));

    public CliHarness.Result Dotnet(params string[] args) => _registry.User.Run("dotnet", [.. args, "-nodeReuse:false"], Directory);

    public CliHarness.Result Build(params string[] args) => Dotnet(["build", .. args]);

    public CliHarness.Result Run(string folder) => _registry.User.Run("dotnet", [Path.Combine(folder, "Serving.dll")], Directory);
}
