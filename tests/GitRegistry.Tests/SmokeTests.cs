using GitRegistry.Testing;

namespace GitRegistry.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Init_creates_a_registry()
    {
        using var registry = TestRegistry.Create();
        var r = registry.Register("churn");
        Assert.Equal(1, r.Manifest.Version);
    }
}
