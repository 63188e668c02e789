using GitRegistry.Tests.History;

namespace GitRegistry.Tests.Validation;

/// <summary>
/// Registry.Validate on registries broken by hand, the way a careless edit or merge would: each problem names the
/// file, the line where there is one, the field, and a fix.
/// </summary>
public sealed class ValidateTests
{
    private const string ModelFile = "models/churn/model.yaml";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_registry_after_every_kind_of_write_has_no_problems(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        RegistryHistory.WriteEveryKind(registry);

        Assert.Empty(registry.Registry.Validate());
    }

    [Fact]
    public void A_manifest_whose_version_differs_from_its_file_name_is_a_problem_at_its_version_line()
    {
        using var registry = Registered();
        registry.EditByHand("models/churn/versions/1.yaml", text => Replace(text, "version: 1\n", "version: 5\n"));

        var problem = Single(registry, "models/churn/versions/1.yaml", "version");

        Assert.Equal(LineOf(registry, "models/churn/versions/1.yaml", "version: 5"), problem.Line);
        Assert.Contains("is 5 but the file is 1.yaml", problem.Message);
        Assert.Contains("set version: 1", problem.Fix);
    }

    [Fact]
    public void A_manifest_edited_after_a_clean_validate_is_a_problem_the_next_time()
    {
        using var registry = Registered();
        Assert.Empty(registry.Registry.Validate()); // remembers the model folder and its manifests as passed
        registry.EditByHand("models/churn/versions/1.yaml", text => Replace(text, "version: 1\n", "version: 5\n"));

        var problem = Single(registry, "models/churn/versions/1.yaml", "version");

        Assert.Contains("is 5 but the file is 1.yaml", problem.Message);
    }

    [Fact]
    public void A_model_that_passed_is_checked_again_under_a_changed_registry_yaml()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => ReplaceFirst(text, "stage: None", "stage: Canary"));
        registry.EditByHand("registry.yaml", text => ReplaceFirst(text, "  - name: Staging", "  - name: Canary\n  - name: Staging"));
        Assert.Empty(registry.Registry.Validate());
        registry.EditByHand("registry.yaml", text => ReplaceFirst(text, "  - name: Canary\n", ""));

        var problem = Single(registry, ModelFile, "versions.1.stage");

        Assert.Contains("'Canary' is not a stage of this registry", problem.Message);
    }

    [Fact]
    public void A_stage_that_registry_yaml_does_not_define_is_a_problem_listing_the_stages()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => ReplaceFirst(text, "stage: None", "stage: Canary"));

        var problem = Single(registry, ModelFile, "versions.1.stage");

        Assert.Equal(LineOf(registry, ModelFile, "stage: Canary"), problem.Line);
        Assert.Contains("'Canary' is not a stage of this registry", problem.Message);
        Assert.Equal("use one of: None, Staging, Production, Archived", problem.Fix);
    }

    [Fact]
    public void A_stage_spelled_in_another_case_is_a_problem_with_the_right_spelling()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => ReplaceFirst(text, "stage: None", "stage: NONE"));

        var problem = Single(registry, ModelFile, "versions.1.stage");

        Assert.Equal("write None", problem.Fix);
    }

    [Fact]
    public void An_alias_to_a_version_that_does_not_exist_is_a_problem_at_the_alias()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => Replace(text, "aliases: {}\n", "aliases:\n  champion: 9\n"));

        var problem = Single(registry, ModelFile, "aliases.champion");

        Assert.Equal(LineOf(registry, ModelFile, "champion: 9"), problem.Line);
        Assert.Contains("points at version 9, which does not exist", problem.Message);
        Assert.NotNull(problem.Fix);
    }

    [Fact]
    public void An_alias_to_a_deleted_version_is_a_problem()
    {
        using var registry = Registered();
        registry.Registry.DeleteVersion("churn", 1);
        registry.EditByHand(ModelFile, text => Replace(text, "aliases: {}\n", "aliases:\n  champion: 1\n"));

        var problem = Single(registry, ModelFile, "aliases.champion");

        Assert.Contains("which is deleted", problem.Message);
    }

    [Fact]
    public void A_manifest_without_an_entry_in_model_yaml_is_a_problem_in_model_yaml()
    {
        using var registry = Registered();
        registry.CommitByHand("Add a manifest by hand", tree =>
        {
            var text = File.ReadAllText(Path.Combine(tree, "models/churn/versions/2.yaml"));
            File.WriteAllText(Path.Combine(tree, "models/churn/versions/3.yaml"), Replace(text, "version: 2\n", "version: 3\n"));
        });

        var problem = Single(registry, ModelFile, "versions.3");

        Assert.Equal(LineOf(registry, ModelFile, "versions:"), problem.Line);
        Assert.Contains("models/churn/versions/3.yaml exists", problem.Message);
        Assert.Equal("add \"3\": {stage: None} under versions", problem.Fix);
    }

    [Fact]
    public void A_version_in_model_yaml_without_its_manifest_is_a_problem_at_its_entry()
    {
        using var registry = Registered();
        registry.CommitByHand("Remove a manifest", tree => File.Delete(Path.Combine(tree, "models/churn/versions/2.yaml")));

        var problem = Single(registry, ModelFile, "versions.2");

        Assert.Equal(LineOf(registry, ModelFile, "\"2\":"), problem.Line);
        Assert.Contains("has no manifest models/churn/versions/2.yaml", problem.Message);
        Assert.Contains("restore the manifest", problem.Fix);
    }

    [Fact]
    public void An_unknown_file_in_a_model_folder_is_a_problem_saying_how_to_remove_it()
    {
        using var registry = Registered();
        registry.CommitByHand("Add notes", tree => File.WriteAllText(Path.Combine(tree, "models/churn/notes.txt"), "todo\n"));

        var problem = Single(registry, "models/churn/notes.txt", "");

        Assert.Equal(0, problem.Line);
        Assert.Equal("does not belong in a model folder", problem.Message);
        Assert.Contains("git rm -r models/churn/notes.txt", problem.Fix);
    }

    [Fact]
    public void A_file_in_the_versions_folder_that_is_not_a_manifest_is_a_problem()
    {
        using var registry = Registered();
        registry.CommitByHand("Add a readme", tree => File.WriteAllText(Path.Combine(tree, "models/churn/versions/01.yaml"), "x: 1\n"));

        var problem = Single(registry, "models/churn/versions/01.yaml", "");

        Assert.Contains("is not a version manifest", problem.Message);
        Assert.Contains("git rm", problem.Fix);
    }

    [Fact]
    public void A_symbolic_link_in_the_versions_folder_is_a_problem_that_says_so()
    {
        using var registry = Registered();
        registry.CommitByHand("Link a manifest", tree => File.CreateSymbolicLink(Path.Combine(tree, "models/churn/versions/3.yaml"), "2.yaml"));

        var problem = Single(registry, "models/churn/versions/3.yaml", "");

        Assert.Equal("is a symbolic link", problem.Message);
        Assert.Contains("git rm", problem.Fix);
    }

    [Fact]
    public void A_model_yaml_that_is_a_symbolic_link_is_a_problem()
    {
        using var registry = Registered();
        registry.CommitByHand("Link model.yaml", tree =>
        {
            var model = Path.Combine(tree, ModelFile);
            File.Move(model, Path.Combine(tree, "models/churn/real-model.yaml"));
            File.CreateSymbolicLink(model, "real-model.yaml");
        });

        var problems = registry.Registry.Validate();

        Assert.Contains(problems, p => p.File == ModelFile && p.Message == "is a symbolic link" && p.Fix is not null);
    }

    [Fact]
    public void A_model_folder_that_is_a_symbolic_link_is_a_problem()
    {
        using var registry = Registered();
        registry.CommitByHand("Link a model", tree => Directory.CreateSymbolicLink(Path.Combine(tree, "models/fraud"), "churn"));

        var problem = Single(registry, "models/fraud", "");

        Assert.Equal("is a symbolic link", problem.Message);
        Assert.Contains("git rm models/fraud", problem.Fix);
    }

    [Fact]
    public void A_model_yaml_naming_another_model_is_a_problem()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => Replace(text, "name: churn\n", "name: fraud\n"));

        var problem = Single(registry, ModelFile, "name");

        Assert.Equal(1, problem.Line);
        Assert.Equal("set name: churn", problem.Fix);
    }

    [Fact]
    public void A_manifest_naming_another_model_is_a_problem()
    {
        using var registry = Registered();
        registry.EditByHand("models/churn/versions/2.yaml", text => Replace(text, "name: churn\n", "name: fraud\n"));

        var problem = Single(registry, "models/churn/versions/2.yaml", "name");

        Assert.Equal(1, problem.Line);
        Assert.Contains("under models/churn", problem.Message);
    }

    [Fact]
    public void Two_versions_in_an_exclusive_stage_are_a_problem()
    {
        using var registry = Registered();
        registry.Registry.Transition("churn", 1, "Production");
        registry.Registry.Transition("churn", 2, "Production");
        Stages.TransitionTests.MakeProductionExclusive(registry);

        var problem = Single(registry, ModelFile, "versions");

        Assert.Contains("versions 1, 2 are all in Production, which is exclusive", problem.Message);
        Assert.Contains("--archive-existing", problem.Fix);
    }

    [Fact]
    public void A_registry_yaml_without_the_None_stage_is_a_problem()
    {
        using var registry = Registered();
        registry.EditByHand("registry.yaml", text => Replace(text, "  - name: None\n    description: Registered, not yet in use.\n", ""));

        var problems = registry.Registry.Validate();

        var problem = Assert.Single(problems, p => p.File == "registry.yaml");
        Assert.Equal("stages", problem.Field);
        Assert.Contains("does not include None", problem.Message);
        // Every version of churn is in None, which no longer exists.
        Assert.Contains(problems, p => p.File == ModelFile && p.Field == "versions.1.stage");
    }

    [Fact]
    public void A_stage_listed_twice_in_registry_yaml_is_a_problem()
    {
        using var registry = Registered();
        registry.EditByHand("registry.yaml", text => Replace(text, "  - name: Archived\n", "  - name: staging\n  - name: Archived\n"));

        var problem = Single(registry, "registry.yaml", "stages");

        Assert.Contains("lists the stage 'Staging' 2 times", problem.Message);
    }

    [Fact]
    public void A_schema_error_in_a_manifest_is_a_problem_at_its_line()
    {
        using var registry = Registered();
        registry.EditByHand("models/churn/versions/1.yaml", text => Replace(text, "  format: onnx\n", "  format: tflite\n"));

        var problem = Single(registry, "models/churn/versions/1.yaml", "artifact.format");

        Assert.Equal(LineOf(registry, "models/churn/versions/1.yaml", "format: tflite"), problem.Line);
        Assert.Contains("onnx, mlnet, pickle, savedmodel, other", problem.Fix);
    }

    [Fact]
    public void A_duplicate_key_in_model_yaml_is_a_problem_at_its_line()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => Replace(text, "name: churn\n", "name: churn\nname: churn\n"));

        var problem = Single(registry, ModelFile, "name");

        Assert.Equal(2, problem.Line);
        Assert.Contains("appears twice", problem.Message);
    }

    [Fact]
    public void A_model_folder_with_an_invalid_name_is_a_problem_naming_the_rule()
    {
        using var registry = Registered();
        registry.CommitByHand("Add a badly named model", tree =>
        {
            Directory.CreateDirectory(Path.Combine(tree, "models/Churn"));
            File.WriteAllText(Path.Combine(tree, "models/Churn/model.yaml"), "name: Churn\nversions: {}\n");
        });

        var problem = Single(registry, "models/Churn", "");

        Assert.Contains(ModelName.Rule, problem.Fix);
    }

    [Fact]
    public void A_file_directly_in_the_models_folder_is_a_problem()
    {
        using var registry = Registered();
        registry.CommitByHand("Add a readme", tree => File.WriteAllText(Path.Combine(tree, "models/README.md"), "models\n"));

        var problem = Single(registry, "models/README.md", "");

        Assert.Equal("is a file where only model folders belong", problem.Message);
    }

    [Fact]
    public void A_model_folder_without_model_yaml_is_a_problem()
    {
        using var registry = Registered();
        registry.CommitByHand("Lose model.yaml", tree => File.Delete(Path.Combine(tree, ModelFile)));

        var problem = Single(registry, ModelFile, "");

        Assert.Equal("is missing", problem.Message);
    }

    [Fact]
    public void A_repository_without_registry_yaml_is_not_a_registry()
    {
        using var registry = Registered();
        registry.CommitByHand("Lose registry.yaml", tree => File.Delete(Path.Combine(tree, "registry.yaml")));

        var problem = Assert.Single(registry.Registry.Validate());

        Assert.Equal(("registry.yaml", "is missing, so this is not a registry"), (problem.File, problem.Message));
    }

    [Fact]
    public void An_oversized_model_yaml_is_a_problem_not_a_crash()
    {
        using var registry = Registered();
        registry.EditByHand(ModelFile, text => text + "# " + new string('x', 4 * 1024 * 1024) + "\n");

        var problem = Single(registry, ModelFile, "");

        Assert.Contains("more than a registry file may be", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var registry = Registered();
        registry.CommitByHand("Break several things", tree =>
        {
            var model = Path.Combine(tree, ModelFile);
            File.WriteAllText(model, Replace(ReplaceFirst(File.ReadAllText(model), "stage: None", "stage: Canary"), "aliases: {}\n", "aliases:\n  champion: 9\n"));
            File.WriteAllText(Path.Combine(tree, "models/churn/notes.txt"), "x\n");
            var manifest = Path.Combine(tree, "models/churn/versions/2.yaml");
            File.WriteAllText(manifest, Replace(File.ReadAllText(manifest), "version: 2\n", "version: 7\n"));
        });

        var problems = registry.Registry.Validate();

        Assert.Equal(
            ["models/churn/model.yaml aliases.champion", "models/churn/model.yaml versions.1.stage", "models/churn/notes.txt ", "models/churn/versions/2.yaml version"],
            problems.Select(p => $"{p.File} {p.Field}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validating_an_earlier_commit_judges_the_registry_as_it_was()
    {
        using var registry = Registered();
        var good = registry.Registry.Head!;
        registry.EditByHand(ModelFile, text => ReplaceFirst(text, "stage: None", "stage: Canary"));

        Assert.NotEmpty(registry.Registry.Validate());
        Assert.Empty(registry.Registry.Validate(good));
    }

    [Fact]
    public void A_problem_prints_as_file_line_field_message_and_fix()
    {
        using var registry = Registered();
        registry.EditByHand("models/churn/versions/1.yaml", text => Replace(text, "version: 1\n", "version: 5\n"));

        var problem = Single(registry, "models/churn/versions/1.yaml", "version");

        Assert.Equal("models/churn/versions/1.yaml:2: version: is 5 but the file is 1.yaml Fix: set version: 1 (manifests are never renumbered)", problem.ToString());
    }

    private static TestRegistry Registered()
    {
        var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        return registry;
    }

    private static DocumentProblem Single(TestRegistry registry, string file, string field)
    {
        var problems = registry.Registry.Validate();
        var matching = problems.Where(p => p.File == file && p.Field == field).ToList();
        Assert.True(matching.Count == 1, $"expected one problem for {file} {field}, got:\n{string.Join("\n", problems)}");
        Assert.False(string.IsNullOrWhiteSpace(matching[0].Fix), $"no fix: {matching[0]}");
        return matching[0];
    }

    private static int LineOf(TestRegistry registry, string file, string marker)
    {
        var lines = registry.Show(file).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"{file} has no line with '{marker}'");
        return index + 1;
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' is not in the file");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
