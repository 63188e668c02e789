using GitRegistry.Locking;

namespace GitRegistry.Runtime.Tests;

public sealed class RegisteredModelsTests : IDisposable
{
    private readonly PinnedModelFolder _folder = new();

    [Fact]
    public void GetModel_returns_the_pinned_version_with_its_manifest_and_verified_artifact()
    {
        var model = RegisteredModels.Open(_folder.Models).GetModel("churn_predictor");

        Assert.Equal(1, model.Version);
        Assert.Equal("models:/churn_predictor/Production", model.Request);
        Assert.Equal("Production", model.RequestedStage);
        Assert.Equal(_folder.Sha256(1), model.Sha256);
        Assert.Equal(_folder.ArtifactPath, model.ArtifactPath);
        Assert.Equal(_folder.User.GitIn(_folder.Registry, "rev-parse", "HEAD").StandardOutput.Trim(), model.RegistryCommit);
        Assert.Equal(0.91, model.Manifest.Metrics["test"]["auc_roc"]);
        Assert.Equal(0.97, model.Manifest.Metrics["train"]["auc_roc"]);
        Assert.Equal(200, model.Manifest.Params["num_trees"].GetInt32());
        Assert.Equal("binary", model.Manifest.Params["objective"].GetString());
        Assert.Equal("2026-10-31", model.Manifest.Data!.Cutoff);
        Assert.Equal(64, model.Manifest.Data.Sha256!.Length);
        Assert.Equal("tenure_months", Assert.Single(model.Manifest.Signature!.Inputs).Name);
        Assert.Equal("float", Assert.Single(model.Manifest.Signature.Outputs).Type);
        Assert.Equal("ada@example.com", model.Manifest.CreatedBy!.Email);
        using var stream = model.OpenRead();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        Assert.Equal(_folder.Bytes[1], bytes.ToArray());
    }

    [Fact]
    public void An_altered_artifact_throws_naming_the_file_and_both_hashes()
    {
        File.AppendAllText(_folder.ArtifactPath, "tampered");

        var error = Assert.Throws<ModelArtifactException>(() => RegisteredModels.Open(_folder.Models).GetModel("churn_predictor"));

        Assert.Contains("has been altered", error.Message);
        Assert.Contains(_folder.ArtifactPath, error.Message);
        Assert.Contains(_folder.Sha256(1), error.Message);
        Assert.Contains("build or publish the app again", error.Message);
    }

    [Fact]
    public void A_file_restored_after_a_failed_check_is_accepted_on_the_next_call()
    {
        var models = RegisteredModels.Open(_folder.Models);
        File.Move(_folder.ArtifactPath, _folder.ArtifactPath + ".away");

        var missing = Assert.Throws<ModelArtifactException>(() => models.GetModel("churn_predictor"));
        Assert.Contains("is missing", missing.Message);

        File.Move(_folder.ArtifactPath + ".away", _folder.ArtifactPath);
        Assert.Equal(1, models.GetModel("churn_predictor").Version);
    }

    [Fact]
    public void A_model_the_build_did_not_pin_throws_listing_the_pinned_ones()
    {
        var error = Assert.Throws<ModelNotPinnedException>(() => RegisteredModels.Open(_folder.Models).GetModel("fraud"));

        Assert.Contains("pinned: churn_predictor", error.Message);
        Assert.Contains("<ModelReference Include=\"fraud\"", error.Message);
    }

    [Fact]
    public void A_manifest_that_disagrees_with_the_lock_is_refused()
    {
        var manifest = Path.Combine(_folder.Models, "churn_predictor", "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(_folder.Sha256(1), _folder.Sha256(2)));

        var error = Assert.Throws<ModelArtifactException>(() => RegisteredModels.Open(_folder.Models).GetModel("churn_predictor"));

        Assert.Contains("models.lock.json pins churn_predictor version 1", error.Message);
    }

    [Fact]
    public void A_folder_without_a_lock_says_the_app_was_built_without_models()
    {
        var error = Assert.Throws<ModelArtifactException>(() => RegisteredModels.Open(_folder.User.PathOf("empty")));

        Assert.Contains("models.lock.json does not exist", error.Message);
    }

    [Fact]
    public void Lock_text_is_stable_sorted_and_round_trips_and_a_malformed_lock_is_refused()
    {
        var path = Path.Combine(_folder.Models, ModelsLock.FileName);
        var text = File.ReadAllText(path);

        var parsed = ModelsLock.Parse(text, path);
        parsed.Models["a_model"] = parsed.Models["churn_predictor"];

        Assert.Equal(text, ModelsLock.Parse(text, path).ToJson());
        Assert.True(parsed.ToJson().IndexOf("\"a_model\"", StringComparison.Ordinal) < parsed.ToJson().IndexOf("\"churn_predictor\"", StringComparison.Ordinal));
        var broken = Assert.Throws<InvalidDataException>(() => ModelsLock.Parse(text.Replace("\"version\"", "\"versoin\""), path));
        Assert.Contains(path, broken.Message);
    }

    public void Dispose() => _folder.Dispose();
}
