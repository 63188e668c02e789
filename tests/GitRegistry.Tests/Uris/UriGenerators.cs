using FsCheck;
using FsCheck.Fluent;

namespace GitRegistry.Tests.Uris;

/// <summary>Valid model URIs of every kind, and strings near them.</summary>
public static class UriGenerators
{
    private static readonly Gen<string> ModelNames =
        Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789_.-".ToCharArray()).ArrayOf().Select(cs => new string(cs))
            .Select(tail => "m" + tail)
            .Where(ModelName.IsValid);

    private static readonly Gen<string> StageNames =
        Gen.Elements("abcXYZ019_-".ToCharArray()).ArrayOf().Select(cs => "S" + new string(cs)).Where(StageName.IsValid);

    private static readonly Gen<string> AliasNames = ModelNames.Where(AliasName.IsValid);

    /// <summary>Valid URIs of the four kinds.</summary>
    public static Arbitrary<ModelUri> Uris() => Gen.OneOf(
            ModelNames.Zip(Gen.Choose(1, 999_999_999)).Select(t => new ModelUri(t.Item1, ModelUriKind.Version, t.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ModelNames.Zip(StageNames).Select(t => new ModelUri(t.Item1, ModelUriKind.Stage, t.Item2)),
            ModelNames.Zip(AliasNames).Select(t => new ModelUri(t.Item1, ModelUriKind.Alias, t.Item2)),
            ModelNames.Select(n => new ModelUri(n, ModelUriKind.Latest, null)))
        .ToArbitrary();

    /// <summary>Valid URIs with a few characters inserted, removed or changed, and arbitrary strings.</summary>
    public static Arbitrary<UriCandidate> Candidates()
    {
        var noise = Gen.Elements('/', '@', ':', '.', '0', '9', 'A', ' ', '\n', '\0', '%', '-', '_', 'é');
        var mutated = Uris().Generator.Select(u => u.ToString()).SelectMany(text =>
            Gen.Choose(0, text.Length).Zip(noise).Zip(Gen.Choose(0, 2)).Select(t =>
            {
                var ((at, c), how) = t;
                return how switch
                {
                    0 => text.Insert(at, c.ToString()),
                    1 when at < text.Length => text.Remove(at, 1),
                    _ when at < text.Length => text.Remove(at, 1).Insert(at, c.ToString()),
                    _ => text + c,
                };
            }));
        var any = ArbMap.Default.GeneratorFor<string>();
        return Gen.Frequency((4, mutated), (1, any), (1, Gen.Constant<string>(null!)))
            .Select(s => new UriCandidate(s)).ToArbitrary();
    }
}

/// <summary>A string offered to <see cref="ModelUri.Parse"/>.</summary>
public sealed record UriCandidate(string? Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? "null"
        : "\"" + string.Concat(Value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
}
